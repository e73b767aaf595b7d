CREATE TABLE "idempotency_keys" (
	"user_id" uuid NOT NULL,
	"key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"state" text NOT NULL,
	"lease_until" timestamp with time zone NOT NULL,
	"response_status" integer,
	"response_content_type" text,
	"response_body" text,
	"created_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "idempotency_keys_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
CREATE TABLE "ledger_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"currency" text NOT NULL,
	"guarded" boolean NOT NULL,
	"balance_shards" smallint DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ledger_accounts_id_currency_key" UNIQUE("id","currency"),
	CONSTRAINT "ledger_accounts_id_guarded_key" UNIQUE("id","guarded"),
	CONSTRAINT "ledger_accounts_currency_format" CHECK ("ledger_accounts"."currency" ~ '^([A-Z]{3}|CONNECTS)$'),
	CONSTRAINT "ledger_accounts_owner_kind_format" CHECK ("ledger_accounts"."owner_kind" ~ '^[a-z][a-z_]{1,30}$'),
	CONSTRAINT "ledger_accounts_kind_format" CHECK ("ledger_accounts"."kind" ~ '^[a-z][a-z_]{1,60}$'),
	CONSTRAINT "ledger_accounts_guarded_kinds" CHECK (("ledger_accounts"."kind" in ('escrow', 'freelancer_pending', 'freelancer_available', 'freelancer_payout_in_flight', 'connects')) = "ledger_accounts"."guarded"),
	CONSTRAINT "ledger_accounts_shards" CHECK ("ledger_accounts"."balance_shards" between 1 and 64 and (not "ledger_accounts"."guarded" or "ledger_accounts"."balance_shards" = 1))
);
--> statement-breakpoint
CREATE TABLE "ledger_balances" (
	"account_id" uuid NOT NULL,
	"shard" smallint NOT NULL,
	"guarded" boolean NOT NULL,
	"balance_cents" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ledger_balances_account_id_shard_pk" PRIMARY KEY("account_id","shard"),
	CONSTRAINT "ledger_balances_guarded_not_negative" CHECK (not "ledger_balances"."guarded" or "ledger_balances"."balance_cents" >= 0),
	CONSTRAINT "ledger_balances_shard_range" CHECK ("ledger_balances"."shard" >= 0 and (not "ledger_balances"."guarded" or "ledger_balances"."shard" = 0))
);
--> statement-breakpoint
CREATE TABLE "ledger_postings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ledger_postings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"transfer_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"balance_after_cents" bigint,
	CONSTRAINT "ledger_postings_amount_not_zero" CHECK ("ledger_postings"."amount_cents" <> 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_transfers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"idempotency_key" text NOT NULL,
	"reason" text NOT NULL,
	"contract_id" uuid,
	"milestone_id" uuid,
	"timesheet_id" uuid,
	"withdrawal_id" uuid,
	"dispute_id" uuid,
	"charge_id" uuid,
	"user_id" uuid,
	"extra" jsonb,
	"reverses_transfer_id" uuid,
	"memo" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ledger_transfers_key_length" CHECK (length("ledger_transfers"."idempotency_key") between 1 and 300),
	CONSTRAINT "ledger_transfers_reason_format" CHECK ("ledger_transfers"."reason" ~ '^[a-z][a-z0-9_.]{1,60}$'),
	CONSTRAINT "ledger_transfers_memo_length" CHECK (length("ledger_transfers"."memo") <= 500)
);
--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_balances" ADD CONSTRAINT "ledger_balances_account_guarded_fk" FOREIGN KEY ("account_id","guarded") REFERENCES "public"."ledger_accounts"("id","guarded") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_transfer_id_ledger_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."ledger_transfers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_account_currency_fk" FOREIGN KEY ("account_id","currency") REFERENCES "public"."ledger_accounts"("id","currency") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_transfers" ADD CONSTRAINT "ledger_transfers_reverses_transfer_id_ledger_transfers_id_fk" FOREIGN KEY ("reverses_transfer_id") REFERENCES "public"."ledger_transfers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_accounts_owner_kind_currency_key" ON "ledger_accounts" USING btree ("owner_kind","owner_id","kind","currency");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_postings_transfer_account_key" ON "ledger_postings" USING btree ("transfer_id","account_id");--> statement-breakpoint
CREATE INDEX "ledger_postings_account_idx" ON "ledger_postings" USING btree ("account_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_transfers_idempotency_key" ON "ledger_transfers" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_transfers_reverses_key" ON "ledger_transfers" USING btree ("reverses_transfer_id");--> statement-breakpoint
CREATE INDEX "ledger_transfers_created_idx" ON "ledger_transfers" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "ledger_transfers_contract_idx" ON "ledger_transfers" USING btree ("contract_id") WHERE "ledger_transfers"."contract_id" is not null;