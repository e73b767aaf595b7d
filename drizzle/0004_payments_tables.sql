CREATE TABLE "billing_methods" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"gateway_token" text NOT NULL,
	"card_brand" text,
	"card_last4" text,
	"card_exp_month" smallint,
	"card_exp_year" smallint,
	"holder_name" text,
	"paypal_email" text,
	"bank_routing_number" text,
	"bank_account_last4" text,
	"verification_attempts" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"verified_at" timestamp with time zone,
	"removed_at" timestamp with time zone,
	CONSTRAINT "billing_methods_type" CHECK ("billing_methods"."type" in ('card', 'paypal', 'bank_account')),
	CONSTRAINT "billing_methods_status" CHECK ("billing_methods"."status" in ('verified', 'pending_verification', 'locked')),
	CONSTRAINT "billing_methods_card_last4" CHECK ("billing_methods"."card_last4" is null or "billing_methods"."card_last4" ~ '^[0-9]{4}$'),
	CONSTRAINT "billing_methods_bank_last4" CHECK ("billing_methods"."bank_account_last4" is null or "billing_methods"."bank_account_last4" ~ '^[0-9]{4}$')
);
--> statement-breakpoint
CREATE TABLE "payment_charges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"billing_method_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"currency" text NOT NULL,
	"purpose" text NOT NULL,
	"state" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"gateway_key" text NOT NULL,
	"gateway_charge_id" text,
	"fee_schedule_version" integer,
	"fee_cents" bigint DEFAULT 0 NOT NULL,
	"refs" jsonb NOT NULL,
	"ledger_transfer_id" uuid,
	"failure_code" text,
	"failure_message" text,
	"created_at" timestamp with time zone NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "payment_charges_state" CHECK ("payment_charges"."state" in ('pending', 'succeeded', 'failed', 'voided')),
	CONSTRAINT "payment_charges_amount_positive" CHECK ("payment_charges"."amount_cents" > 0),
	CONSTRAINT "payment_charges_fee_range" CHECK ("payment_charges"."fee_cents" >= 0 and "payment_charges"."fee_cents" < "payment_charges"."amount_cents"),
	CONSTRAINT "payment_charges_currency" CHECK ("payment_charges"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "payment_charges_transfer_iff_succeeded" CHECK (("payment_charges"."state" = 'succeeded') = ("payment_charges"."ledger_transfer_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "sandbox_gateway_charges" (
	"id" text PRIMARY KEY NOT NULL,
	"idempotency_key" text NOT NULL,
	"method_token" text,
	"amount_cents" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"failure_code" text,
	"attempts" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_gateway_methods" (
	"token" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"behaviour" text NOT NULL,
	"display" text NOT NULL,
	"micro_deposits_cents" integer[],
	"verified" boolean NOT NULL,
	"failed_verifications" smallint DEFAULT 0 NOT NULL,
	"locked" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "billing_methods" ADD CONSTRAINT "billing_methods_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_charges" ADD CONSTRAINT "payment_charges_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_charges" ADD CONSTRAINT "payment_charges_billing_method_id_billing_methods_id_fk" FOREIGN KEY ("billing_method_id") REFERENCES "public"."billing_methods"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "billing_methods_client_idx" ON "billing_methods" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "billing_methods_one_default" ON "billing_methods" USING btree ("client_id") WHERE "billing_methods"."is_default" and "billing_methods"."removed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_charges_client_key" ON "payment_charges" USING btree ("client_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_charges_gateway_key" ON "payment_charges" USING btree ("gateway_key");--> statement-breakpoint
CREATE INDEX "payment_charges_client_idx" ON "payment_charges" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE INDEX "payment_charges_pending_idx" ON "payment_charges" USING btree ("created_at") WHERE "payment_charges"."state" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_gateway_charges_key" ON "sandbox_gateway_charges" USING btree ("idempotency_key");