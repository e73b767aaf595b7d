CREATE TABLE "job_edits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"job_id" uuid NOT NULL,
	"edited_by" uuid NOT NULL,
	"edited_at" timestamp with time zone NOT NULL,
	"changes" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_invitations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"job_id" uuid NOT NULL,
	"freelancer_id" uuid NOT NULL,
	"invited_by" uuid NOT NULL,
	"message" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_watermarks" (
	"name" text PRIMARY KEY NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"job_id" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"state" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"deliverables" jsonb NOT NULL,
	"category_id" uuid NOT NULL,
	"skill_ids" uuid[] NOT NULL,
	"skills" jsonb NOT NULL,
	"skills_text" text NOT NULL,
	"type" text NOT NULL,
	"currency" text NOT NULL,
	"budget_cents" bigint,
	"hourly_min_cents" bigint,
	"hourly_max_cents" bigint,
	"hours_per_week" integer,
	"duration" text,
	"experience_level" text NOT NULL,
	"visibility" text NOT NULL,
	"screening_questions" jsonb NOT NULL,
	"attachment_ids" uuid[] NOT NULL,
	"proposals_count" integer DEFAULT 0 NOT NULL,
	"interviewing_count" integer DEFAULT 0 NOT NULL,
	"invites_sent_count" integer DEFAULT 0 NOT NULL,
	"hires_count" integer DEFAULT 0 NOT NULL,
	"client_payment_verified" boolean DEFAULT false NOT NULL,
	"client_has_hires" boolean DEFAULT false NOT NULL,
	"close_reason" text,
	"close_note" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	"first_published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, title), 'A')
          || setweight(to_tsvector('english'::regconfig, skills_text), 'B')
          || setweight(to_tsvector('english'::regconfig, description), 'C')) STORED NOT NULL,
	CONSTRAINT "jobs_counters_not_negative" CHECK (proposals_count >= 0 and interviewing_count >= 0 and invites_sent_count >= 0 and hires_count >= 0),
	CONSTRAINT "jobs_state_known" CHECK (state in ('draft', 'open', 'closed')),
	CONSTRAINT "jobs_closed_has_reason" CHECK ((state = 'closed') = (close_reason is not null) and close_reason in ('hired', 'cancelled')),
	CONSTRAINT "jobs_terms_match_type" CHECK ((type = 'fixed' and budget_cents is not null and hourly_min_cents is null)
        or (type = 'hourly' and budget_cents is null and hourly_min_cents is not null
            and hourly_max_cents >= hourly_min_cents and hours_per_week is not null and duration is not null))
);
--> statement-breakpoint
CREATE TABLE "saved_search_matches" (
	"saved_search_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"notified_at" timestamp with time zone NOT NULL,
	CONSTRAINT "saved_search_matches_saved_search_id_job_id_pk" PRIMARY KEY("saved_search_id","job_id")
);
--> statement-breakpoint
CREATE TABLE "saved_searches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"freelancer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"query" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ledger_accounts" DROP CONSTRAINT "ledger_accounts_id_currency_key";--> statement-breakpoint
ALTER TABLE "ledger_postings" DROP CONSTRAINT "ledger_postings_transfer_id_ledger_transfers_id_fk";
--> statement-breakpoint
ALTER TABLE "ledger_postings" DROP CONSTRAINT "ledger_postings_account_currency_fk";
--> statement-breakpoint
DROP INDEX "ledger_postings_account_idx";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'ledger_postings'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "ledger_postings" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_pkey" PRIMARY KEY("account_id","id");--> statement-breakpoint
ALTER TABLE "ledger_transfers" ADD COLUMN "created_txid" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
ALTER TABLE "job_edits" ADD CONSTRAINT "job_edits_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_edits" ADD CONSTRAINT "job_edits_edited_by_users_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_invitations" ADD CONSTRAINT "job_invitations_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_invitations" ADD CONSTRAINT "job_invitations_freelancer_id_users_id_fk" FOREIGN KEY ("freelancer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_invitations" ADD CONSTRAINT "job_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_client_id_users_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_category_id_skill_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."skill_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_search_matches" ADD CONSTRAINT "saved_search_matches_saved_search_id_saved_searches_id_fk" FOREIGN KEY ("saved_search_id") REFERENCES "public"."saved_searches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_search_matches" ADD CONSTRAINT "saved_search_matches_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_searches" ADD CONSTRAINT "saved_searches_freelancer_id_users_id_fk" FOREIGN KEY ("freelancer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_edits_job_idx" ON "job_edits" USING btree ("job_id","edited_at");--> statement-breakpoint
CREATE UNIQUE INDEX "job_invitations_job_freelancer_key" ON "job_invitations" USING btree ("job_id","freelancer_id");--> statement-breakpoint
CREATE INDEX "job_invitations_freelancer_idx" ON "job_invitations" USING btree ("freelancer_id","created_at");--> statement-breakpoint
CREATE INDEX "jobs_client_idx" ON "jobs" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE INDEX "jobs_open_newest_idx" ON "jobs" USING btree ("published_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE state = 'open';--> statement-breakpoint
CREATE INDEX "jobs_open_search_idx" ON "jobs" USING gin ("search_vector") WHERE state = 'open';--> statement-breakpoint
CREATE INDEX "jobs_open_title_trgm_idx" ON "jobs" USING gin ("title" gin_trgm_ops) WHERE state = 'open';--> statement-breakpoint
CREATE INDEX "jobs_open_skills_idx" ON "jobs" USING gin ("skill_ids") WHERE state = 'open';--> statement-breakpoint
CREATE INDEX "saved_searches_freelancer_idx" ON "saved_searches" USING btree ("freelancer_id","created_at");