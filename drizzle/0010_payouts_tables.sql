CREATE TABLE "earnings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"freelancer_id" uuid NOT NULL,
	"client_id" uuid,
	"contract_id" uuid,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"currency" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"state" text NOT NULL,
	"credit_transfer_id" uuid NOT NULL,
	"release_transfer_id" uuid,
	"available_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"released_at" timestamp with time zone,
	CONSTRAINT "earnings_kind" CHECK ("earnings"."kind" in ('fixed_price', 'hourly', 'bonus', 'other')),
	CONSTRAINT "earnings_state" CHECK ("earnings"."state" in ('pending', 'available')),
	CONSTRAINT "earnings_amount_positive" CHECK ("earnings"."amount_cents" > 0),
	CONSTRAINT "earnings_released" CHECK (("earnings"."state" = 'available') = ("earnings"."release_transfer_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "payout_methods" (
	"id" uuid PRIMARY KEY NOT NULL,
	"freelancer_id" uuid NOT NULL,
	"type" text NOT NULL,
	"label" text NOT NULL,
	"details" jsonb NOT NULL,
	"processor_token" text NOT NULL,
	"usable_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "payout_methods_type" CHECK ("payout_methods"."type" in ('local_bank', 'us_bank_ach', 'wire', 'paypal', 'payoneer')),
	CONSTRAINT "payout_methods_hold" CHECK ("payout_methods"."usable_at" >= "payout_methods"."created_at")
);
--> statement-breakpoint
CREATE TABLE "sandbox_payout_accounts" (
	"token" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"display" text NOT NULL,
	"behaviour" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_payouts" (
	"id" text PRIMARY KEY NOT NULL,
	"idempotency_key" text NOT NULL,
	"account_token" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"failure_code" text,
	"arrives_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "withdrawal_schedules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"freelancer_id" uuid NOT NULL,
	"payout_method_id" uuid NOT NULL,
	"frequency" text NOT NULL,
	"currency" text NOT NULL,
	"threshold_cents" bigint NOT NULL,
	"leave_cents" bigint NOT NULL,
	"next_run_at" timestamp with time zone NOT NULL,
	"last_run_at" timestamp with time zone,
	"last_outcome" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "withdrawal_schedules_frequency" CHECK ("withdrawal_schedules"."frequency" in ('weekly', 'twice_monthly', 'monthly')),
	CONSTRAINT "withdrawal_schedules_amounts" CHECK ("withdrawal_schedules"."threshold_cents" >= 0 and "withdrawal_schedules"."leave_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "withdrawals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"freelancer_id" uuid NOT NULL,
	"payout_method_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"fee_cents" bigint NOT NULL,
	"state" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"schedule_id" uuid,
	"processor_key" text NOT NULL,
	"processor_payout_id" text,
	"start_transfer_id" uuid,
	"settle_transfer_id" uuid,
	"failure_code" text,
	"failure_message" text,
	"expected_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "withdrawals_state" CHECK ("withdrawals"."state" in ('in_flight', 'completed', 'failed')),
	CONSTRAINT "withdrawals_amounts" CHECK ("withdrawals"."amount_cents" > 0 and "withdrawals"."fee_cents" >= 0 and "withdrawals"."fee_cents" < "withdrawals"."amount_cents"),
	CONSTRAINT "withdrawals_currency" CHECK ("withdrawals"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "withdrawals_settled" CHECK (("withdrawals"."state" = 'in_flight') = ("withdrawals"."settle_transfer_id" is null))
);
--> statement-breakpoint
ALTER TABLE "earnings" ADD CONSTRAINT "earnings_freelancer_id_users_id_fk" FOREIGN KEY ("freelancer_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_methods" ADD CONSTRAINT "payout_methods_freelancer_id_users_id_fk" FOREIGN KEY ("freelancer_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withdrawal_schedules" ADD CONSTRAINT "withdrawal_schedules_freelancer_id_users_id_fk" FOREIGN KEY ("freelancer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withdrawal_schedules" ADD CONSTRAINT "withdrawal_schedules_payout_method_id_payout_methods_id_fk" FOREIGN KEY ("payout_method_id") REFERENCES "public"."payout_methods"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withdrawals" ADD CONSTRAINT "withdrawals_freelancer_id_users_id_fk" FOREIGN KEY ("freelancer_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "withdrawals" ADD CONSTRAINT "withdrawals_payout_method_id_payout_methods_id_fk" FOREIGN KEY ("payout_method_id") REFERENCES "public"."payout_methods"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "earnings_credit_transfer_key" ON "earnings" USING btree ("credit_transfer_id");--> statement-breakpoint
CREATE INDEX "earnings_freelancer_idx" ON "earnings" USING btree ("freelancer_id","created_at");--> statement-breakpoint
CREATE INDEX "earnings_due_idx" ON "earnings" USING btree ("available_at") WHERE "earnings"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "payout_methods_freelancer_idx" ON "payout_methods" USING btree ("freelancer_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_payouts_key" ON "sandbox_payouts" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "withdrawal_schedules_freelancer_key" ON "withdrawal_schedules" USING btree ("freelancer_id");--> statement-breakpoint
CREATE INDEX "withdrawal_schedules_due_idx" ON "withdrawal_schedules" USING btree ("next_run_at");--> statement-breakpoint
CREATE UNIQUE INDEX "withdrawals_freelancer_key" ON "withdrawals" USING btree ("freelancer_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "withdrawals_processor_key" ON "withdrawals" USING btree ("processor_key");--> statement-breakpoint
CREATE INDEX "withdrawals_freelancer_idx" ON "withdrawals" USING btree ("freelancer_id","created_at");--> statement-breakpoint
CREATE INDEX "withdrawals_in_flight_idx" ON "withdrawals" USING btree ("expected_at") WHERE "withdrawals"."state" = 'in_flight';