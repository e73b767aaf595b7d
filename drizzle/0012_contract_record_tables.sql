CREATE TABLE "contract_record_entries" (
	"contract_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp (3) with time zone NOT NULL,
	"summary" text NOT NULL,
	"data" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "contract_record_entries_contract_id_seq_pk" PRIMARY KEY("contract_id","seq"),
	CONSTRAINT "contract_record_entries_seq" CHECK ("contract_record_entries"."seq" >= 1),
	CONSTRAINT "contract_record_entries_kind" CHECK ("contract_record_entries"."kind" ~ '^[a-z_]+\.[a-z_]+$'),
	CONSTRAINT "contract_record_entries_hashes" CHECK ("contract_record_entries"."hash" ~ '^[0-9a-f]{64}$' and "contract_record_entries"."prev_hash" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "contract_record_heads" (
	"contract_id" uuid PRIMARY KEY NOT NULL,
	"seq" integer NOT NULL,
	"hash" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contract_record_heads_seq" CHECK ("contract_record_heads"."seq" >= 0)
);
--> statement-breakpoint
CREATE TABLE "contract_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contract_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"assignee_id" uuid,
	"due_date" date,
	"state" text NOT NULL,
	"milestone_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contract_tasks_state" CHECK ("contract_tasks"."state" in ('todo', 'in_progress', 'done')),
	CONSTRAINT "contract_tasks_title" CHECK (char_length("contract_tasks"."title") between 1 and 200)
);
--> statement-breakpoint
ALTER TABLE "contract_record_entries" ADD CONSTRAINT "contract_record_entries_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_tasks" ADD CONSTRAINT "contract_tasks_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_tasks" ADD CONSTRAINT "contract_tasks_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_tasks" ADD CONSTRAINT "contract_tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_tasks_contract_idx" ON "contract_tasks" USING btree ("contract_id","created_at");