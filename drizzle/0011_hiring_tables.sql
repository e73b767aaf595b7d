CREATE TABLE "connects_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount" integer NOT NULL,
	"balance_after" integer NOT NULL,
	"lot_id" uuid,
	"job_id" uuid,
	"proposal_id" uuid,
	"memo" text NOT NULL,
	"transfer_id" uuid NOT NULL,
	"refunded_by_entry_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "connects_entries_amount" CHECK ("connects_entries"."amount" <> 0),
	CONSTRAINT "connects_entries_kind" CHECK ("connects_entries"."kind" in ('grant', 'purchase', 'spend', 'refund', 'expire'))
);
--> statement-breakpoint
CREATE TABLE "connects_lots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"source" text NOT NULL,
	"granted" integer NOT NULL,
	"remaining" integer NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"grant_key" text NOT NULL,
	"transfer_id" uuid NOT NULL,
	"charge_id" uuid,
	"expired_at" timestamp with time zone,
	CONSTRAINT "connects_lots_amounts" CHECK ("connects_lots"."granted" > 0 and "connects_lots"."remaining" between 0 and "connects_lots"."granted"),
	CONSTRAINT "connects_lots_source" CHECK ("connects_lots"."source" in ('monthly_grant', 'purchase', 'refund'))
);
--> statement-breakpoint
CREATE TABLE "connects_spend_lots" (
	"entry_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"amount" integer NOT NULL,
	CONSTRAINT "connects_spend_lots_entry_id_lot_id_pk" PRIMARY KEY("entry_id","lot_id"),
	CONSTRAINT "connects_spend_lots_amount" CHECK ("connects_spend_lots"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "contract_milestones" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contract_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"currency" text NOT NULL,
	"due_date" date,
	"acceptance_criteria" text NOT NULL,
	"state" text NOT NULL,
	"funded_cents" bigint DEFAULT 0 NOT NULL,
	"released_cents" bigint DEFAULT 0 NOT NULL,
	"refunded_cents" bigint DEFAULT 0 NOT NULL,
	"client_fee_cents" bigint DEFAULT 0 NOT NULL,
	"terms_version" integer NOT NULL,
	"funded_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contract_milestones_state" CHECK ("contract_milestones"."state" in ('not_funded', 'funded', 'submitted', 'changes_requested', 'approved', 'refunded')),
	CONSTRAINT "contract_milestones_money" CHECK ("contract_milestones"."amount_cents" >= 500 and "contract_milestones"."funded_cents" >= 0 and "contract_milestones"."released_cents" >= 0
        and "contract_milestones"."refunded_cents" >= 0 and "contract_milestones"."released_cents" + "contract_milestones"."refunded_cents" <= "contract_milestones"."funded_cents")
);
--> statement-breakpoint
CREATE TABLE "contract_terms_versions" (
	"contract_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"terms" jsonb NOT NULL,
	"proposed_by" uuid,
	"accepted_by" uuid,
	"note" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contract_terms_versions_contract_id_version_pk" PRIMARY KEY("contract_id","version"),
	CONSTRAINT "contract_terms_version_positive" CHECK ("contract_terms_versions"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"offer_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"freelancer_id" uuid NOT NULL,
	"job_id" uuid,
	"proposal_id" uuid,
	"title" text NOT NULL,
	"type" text NOT NULL,
	"currency" text NOT NULL,
	"state" text NOT NULL,
	"terms_version" integer NOT NULL,
	"start_date" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "contracts_type" CHECK ("contracts"."type" in ('hourly', 'fixed')),
	CONSTRAINT "contracts_not_self" CHECK ("contracts"."client_id" <> "contracts"."freelancer_id")
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"freelancer_id" uuid NOT NULL,
	"job_id" uuid,
	"proposal_id" uuid,
	"contract_id" uuid NOT NULL,
	"state" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"deliverables" jsonb NOT NULL,
	"type" text NOT NULL,
	"currency" text NOT NULL,
	"hourly_rate_cents" bigint,
	"weekly_limit_hours" integer,
	"manual_time_allowed" boolean,
	"total_cents" bigint,
	"milestones" jsonb NOT NULL,
	"funded_cents" bigint NOT NULL,
	"client_fee_cents" bigint NOT NULL,
	"fee_schedule_version" integer NOT NULL,
	"funding_transfer_id" uuid,
	"refund_transfer_id" uuid,
	"charge_id" uuid,
	"start_date" date NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"keep_job_open" boolean NOT NULL,
	"message" text NOT NULL,
	"decline_reason" text,
	"request_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"responded_at" timestamp with time zone,
	CONSTRAINT "offers_state" CHECK ("offers"."state" in ('pending', 'accepted', 'declined', 'withdrawn', 'expired')),
	CONSTRAINT "offers_not_self" CHECK ("offers"."client_id" <> "offers"."freelancer_id"),
	CONSTRAINT "offers_terms_match_type" CHECK (("offers"."type" = 'hourly' and "offers"."hourly_rate_cents" > 0 and "offers"."weekly_limit_hours" is not null
            and "offers"."manual_time_allowed" is not null and "offers"."total_cents" is null and "offers"."funded_cents" = 0)
        or ("offers"."type" = 'fixed' and "offers"."total_cents" > 0 and "offers"."hourly_rate_cents" is null)),
	CONSTRAINT "offers_funding" CHECK ("offers"."funded_cents" >= 0 and "offers"."client_fee_cents" >= 0),
	CONSTRAINT "offers_declined_reason" CHECK (("offers"."state" = 'declined') = ("offers"."decline_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"job_id" uuid NOT NULL,
	"freelancer_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"state" text NOT NULL,
	"cover_letter" text NOT NULL,
	"bid_type" text NOT NULL,
	"currency" text NOT NULL,
	"bid_cents" bigint NOT NULL,
	"milestones" jsonb NOT NULL,
	"estimated_duration" text NOT NULL,
	"answers" jsonb NOT NULL,
	"attachment_ids" uuid[] NOT NULL,
	"connects_spent" integer NOT NULL,
	"connects_entry_id" uuid,
	"invited" boolean NOT NULL,
	"match_score" smallint NOT NULL,
	"decline_reason" text,
	"pending_offer_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"state_changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "proposals_state" CHECK ("proposals"."state" in ('submitted', 'shortlisted', 'archived', 'interviewing', 'declined', 'withdrawn', 'hired')),
	CONSTRAINT "proposals_bid_type" CHECK ("proposals"."bid_type" in ('hourly', 'fixed')),
	CONSTRAINT "proposals_bid_positive" CHECK ("proposals"."bid_cents" > 0),
	CONSTRAINT "proposals_connects" CHECK ("proposals"."connects_spent" >= 0),
	CONSTRAINT "proposals_declined_reason" CHECK (("proposals"."state" = 'declined') = ("proposals"."decline_reason" is not null)),
	CONSTRAINT "proposals_not_self" CHECK ("proposals"."freelancer_id" <> "proposals"."client_id")
);
--> statement-breakpoint
ALTER TABLE "connects_entries" ADD CONSTRAINT "connects_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connects_lots" ADD CONSTRAINT "connects_lots_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connects_spend_lots" ADD CONSTRAINT "connects_spend_lots_entry_id_connects_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."connects_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connects_spend_lots" ADD CONSTRAINT "connects_spend_lots_lot_id_connects_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."connects_lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_milestones" ADD CONSTRAINT "contract_milestones_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_terms_versions" ADD CONSTRAINT "contract_terms_versions_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_terms_versions" ADD CONSTRAINT "contract_terms_versions_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_terms_versions" ADD CONSTRAINT "contract_terms_versions_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_freelancer_id_users_id_fk" FOREIGN KEY ("freelancer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_freelancer_id_users_id_fk" FOREIGN KEY ("freelancer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_freelancer_id_users_id_fk" FOREIGN KEY ("freelancer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "connects_entries_user_idx" ON "connects_entries" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "connects_entries_proposal_idx" ON "connects_entries" USING btree ("proposal_id") WHERE "connects_entries"."proposal_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "connects_lots_grant_key" ON "connects_lots" USING btree ("grant_key");--> statement-breakpoint
CREATE INDEX "connects_lots_user_idx" ON "connects_lots" USING btree ("user_id","expires_at");--> statement-breakpoint
CREATE INDEX "connects_lots_expiring_idx" ON "connects_lots" USING btree ("expires_at") WHERE "connects_lots"."remaining" > 0;--> statement-breakpoint
CREATE UNIQUE INDEX "contract_milestones_position_key" ON "contract_milestones" USING btree ("contract_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_offer_key" ON "contracts" USING btree ("offer_id");--> statement-breakpoint
CREATE INDEX "contracts_client_idx" ON "contracts" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE INDEX "contracts_freelancer_idx" ON "contracts" USING btree ("freelancer_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "offers_contract_key" ON "offers" USING btree ("contract_id");--> statement-breakpoint
CREATE UNIQUE INDEX "offers_request_key" ON "offers" USING btree ("client_id","request_key");--> statement-breakpoint
CREATE INDEX "offers_client_idx" ON "offers" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE INDEX "offers_freelancer_idx" ON "offers" USING btree ("freelancer_id","created_at");--> statement-breakpoint
CREATE INDEX "offers_pending_expiry_idx" ON "offers" USING btree ("expires_at") WHERE "offers"."state" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_job_freelancer_key" ON "proposals" USING btree ("job_id","freelancer_id");--> statement-breakpoint
CREATE INDEX "proposals_freelancer_idx" ON "proposals" USING btree ("freelancer_id","created_at");--> statement-breakpoint
CREATE INDEX "proposals_job_idx" ON "proposals" USING btree ("job_id","created_at");--> statement-breakpoint
CREATE INDEX "proposals_client_idx" ON "proposals" USING btree ("client_id");