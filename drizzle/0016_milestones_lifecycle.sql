CREATE TABLE "contract_endings" (
	"contract_id" uuid PRIMARY KEY NOT NULL,
	"requested_by" uuid NOT NULL,
	"reason" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"respond_by" timestamp with time zone NOT NULL,
	"escrow_cents" bigint NOT NULL,
	"state" text NOT NULL,
	"agreed_to_refund" boolean,
	"responded_by" uuid,
	"responded_at" timestamp with time zone,
	"response_note" text,
	"refund_transfer_id" uuid,
	"refunded_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "contract_endings_state" CHECK ("contract_endings"."state" in ('awaiting_freelancer', 'refunded', 'disputed', 'closed')),
	CONSTRAINT "contract_endings_money" CHECK ("contract_endings"."escrow_cents" >= 0 and "contract_endings"."refunded_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "contract_payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contract_id" uuid NOT NULL,
	"milestone_id" uuid,
	"kind" text NOT NULL,
	"client_id" uuid NOT NULL,
	"freelancer_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"gross_cents" bigint NOT NULL,
	"service_fee_cents" bigint NOT NULL,
	"net_cents" bigint NOT NULL,
	"client_fee_cents" bigint NOT NULL,
	"fee_schedule_version" integer NOT NULL,
	"transfer_id" uuid NOT NULL,
	"paid_by" uuid,
	"note" text NOT NULL,
	"refunded_cents" bigint DEFAULT 0 NOT NULL,
	"paid_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contract_payments_kind" CHECK ("contract_payments"."kind" in ('milestone', 'bonus')),
	CONSTRAINT "contract_payments_money" CHECK ("contract_payments"."gross_cents" > 0 and "contract_payments"."service_fee_cents" >= 0 and "contract_payments"."net_cents" >= 0
        and "contract_payments"."service_fee_cents" + "contract_payments"."net_cents" = "contract_payments"."gross_cents" and "contract_payments"."client_fee_cents" >= 0
        and "contract_payments"."refunded_cents" >= 0 and "contract_payments"."refunded_cents" <= "contract_payments"."gross_cents"),
	CONSTRAINT "contract_payments_milestone" CHECK (("contract_payments"."kind" = 'milestone') = ("contract_payments"."milestone_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "milestone_carries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contract_id" uuid NOT NULL,
	"from_milestone_id" uuid NOT NULL,
	"to_milestone_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "milestone_carries_amount" CHECK ("milestone_carries"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "milestone_submissions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contract_id" uuid NOT NULL,
	"milestone_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"submitted_by" uuid NOT NULL,
	"message" text NOT NULL,
	"file_ids" jsonb NOT NULL,
	"deliverables" jsonb NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"review_due_at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"response_note" text,
	"responded_by" uuid,
	"responded_at" timestamp with time zone,
	CONSTRAINT "milestone_submissions_outcome" CHECK ("milestone_submissions"."outcome" in ('pending', 'changes_requested', 'approved', 'closed')),
	CONSTRAINT "milestone_submissions_round" CHECK ("milestone_submissions"."round" >= 1),
	CONSTRAINT "milestone_submissions_responded" CHECK (("milestone_submissions"."outcome" = 'pending') = ("milestone_submissions"."responded_at" is null))
);
--> statement-breakpoint
CREATE TABLE "payment_refunds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"payment_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"fee_share_cents" bigint NOT NULL,
	"net_share_cents" bigint NOT NULL,
	"reason" text NOT NULL,
	"transfer_id" uuid NOT NULL,
	"refunded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payment_refunds_money" CHECK ("payment_refunds"."amount_cents" > 0 and "payment_refunds"."fee_share_cents" >= 0 and "payment_refunds"."net_share_cents" >= 0
        and "payment_refunds"."fee_share_cents" + "payment_refunds"."net_share_cents" = "payment_refunds"."amount_cents")
);
--> statement-breakpoint
ALTER TABLE "contract_endings" ADD CONSTRAINT "contract_endings_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_endings" ADD CONSTRAINT "contract_endings_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_endings" ADD CONSTRAINT "contract_endings_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_payments" ADD CONSTRAINT "contract_payments_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_payments" ADD CONSTRAINT "contract_payments_milestone_id_contract_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."contract_milestones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_payments" ADD CONSTRAINT "contract_payments_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_payments" ADD CONSTRAINT "contract_payments_freelancer_id_users_id_fk" FOREIGN KEY ("freelancer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_payments" ADD CONSTRAINT "contract_payments_paid_by_users_id_fk" FOREIGN KEY ("paid_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_carries" ADD CONSTRAINT "milestone_carries_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_carries" ADD CONSTRAINT "milestone_carries_from_milestone_id_contract_milestones_id_fk" FOREIGN KEY ("from_milestone_id") REFERENCES "public"."contract_milestones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_carries" ADD CONSTRAINT "milestone_carries_to_milestone_id_contract_milestones_id_fk" FOREIGN KEY ("to_milestone_id") REFERENCES "public"."contract_milestones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_submissions" ADD CONSTRAINT "milestone_submissions_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_submissions" ADD CONSTRAINT "milestone_submissions_milestone_id_contract_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."contract_milestones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_submissions" ADD CONSTRAINT "milestone_submissions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_submissions" ADD CONSTRAINT "milestone_submissions_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_refunds" ADD CONSTRAINT "payment_refunds_payment_id_contract_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."contract_payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_refunds" ADD CONSTRAINT "payment_refunds_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_refunds" ADD CONSTRAINT "payment_refunds_refunded_by_users_id_fk" FOREIGN KEY ("refunded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_endings_due_idx" ON "contract_endings" USING btree ("respond_by") WHERE "contract_endings"."state" = 'awaiting_freelancer';--> statement-breakpoint
CREATE UNIQUE INDEX "contract_payments_transfer_key" ON "contract_payments" USING btree ("transfer_id");--> statement-breakpoint
CREATE INDEX "contract_payments_contract_idx" ON "contract_payments" USING btree ("contract_id","paid_at");--> statement-breakpoint
CREATE INDEX "milestone_carries_contract_idx" ON "milestone_carries" USING btree ("contract_id");--> statement-breakpoint
CREATE UNIQUE INDEX "milestone_submissions_round_key" ON "milestone_submissions" USING btree ("milestone_id","round");--> statement-breakpoint
CREATE UNIQUE INDEX "milestone_submissions_one_pending" ON "milestone_submissions" USING btree ("milestone_id") WHERE "milestone_submissions"."outcome" = 'pending';--> statement-breakpoint
CREATE INDEX "milestone_submissions_review_due_idx" ON "milestone_submissions" USING btree ("review_due_at") WHERE "milestone_submissions"."outcome" = 'pending';--> statement-breakpoint
CREATE INDEX "milestone_submissions_contract_idx" ON "milestone_submissions" USING btree ("contract_id","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_refunds_transfer_key" ON "payment_refunds" USING btree ("transfer_id");--> statement-breakpoint
CREATE INDEX "payment_refunds_payment_idx" ON "payment_refunds" USING btree ("payment_id");