CREATE TABLE "status_report_reminders" (
	"contract_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "status_report_reminders_contract_id_week_start_pk" PRIMARY KEY("contract_id","week_start")
);
--> statement-breakpoint
CREATE TABLE "status_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contract_id" uuid NOT NULL,
	"freelancer_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"corrects_report_id" uuid,
	"progress" jsonb NOT NULL,
	"plans" text NOT NULL,
	"blockers" text NOT NULL,
	"submitted_milestone_ids" jsonb NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "status_reports_week_is_monday" CHECK (extract(isodow from "status_reports"."week_start") = 1),
	CONSTRAINT "status_reports_text" CHECK (char_length("status_reports"."plans") <= 5000 and char_length("status_reports"."blockers") <= 5000)
);
--> statement-breakpoint
CREATE TABLE "contract_terms_changes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contract_id" uuid NOT NULL,
	"proposed_by" uuid NOT NULL,
	"base_version" integer NOT NULL,
	"change" jsonb NOT NULL,
	"proposed_terms" jsonb NOT NULL,
	"refunds" jsonb NOT NULL,
	"note" text NOT NULL,
	"state" text NOT NULL,
	"answered_by" uuid,
	"decline_reason" text,
	"resulting_version" integer,
	"created_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	CONSTRAINT "contract_terms_changes_state" CHECK ("contract_terms_changes"."state" in ('pending', 'accepted', 'declined', 'withdrawn')),
	CONSTRAINT "contract_terms_changes_answer" CHECK (("contract_terms_changes"."state" = 'pending') = ("contract_terms_changes"."answered_at" is null)
        and ("contract_terms_changes"."state" = 'accepted') = ("contract_terms_changes"."resulting_version" is not null))
);
--> statement-breakpoint
ALTER TABLE "status_report_reminders" ADD CONSTRAINT "status_report_reminders_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "status_reports" ADD CONSTRAINT "status_reports_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "status_reports" ADD CONSTRAINT "status_reports_freelancer_id_users_id_fk" FOREIGN KEY ("freelancer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "status_reports" ADD CONSTRAINT "status_reports_corrects_report_id_status_reports_id_fk" FOREIGN KEY ("corrects_report_id") REFERENCES "public"."status_reports"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "contract_terms_changes" ADD CONSTRAINT "contract_terms_changes_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "contract_terms_changes" ADD CONSTRAINT "contract_terms_changes_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "contract_terms_changes" ADD CONSTRAINT "contract_terms_changes_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "status_reports_one_per_week" ON "status_reports" USING btree ("contract_id","week_start") WHERE "status_reports"."corrects_report_id" is null;
--> statement-breakpoint
CREATE UNIQUE INDEX "status_reports_corrected_once" ON "status_reports" USING btree ("corrects_report_id");
--> statement-breakpoint
CREATE INDEX "status_reports_contract_idx" ON "status_reports" USING btree ("contract_id","filed_at");
--> statement-breakpoint
CREATE UNIQUE INDEX "contract_terms_changes_one_pending" ON "contract_terms_changes" USING btree ("contract_id") WHERE "contract_terms_changes"."state" = 'pending';
--> statement-breakpoint
CREATE INDEX "contract_terms_changes_contract_idx" ON "contract_terms_changes" USING btree ("contract_id","created_at");
