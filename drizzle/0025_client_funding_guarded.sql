-- A client's Workroom funds become a guarded account: the database itself refuses to overdraw them,
-- as it does escrow and earnings. Existing accounts and their balance rows are flipped in place (the
-- rules that forbid changing accounts are lifted for this one migration only); a client_funding
-- balance that is already negative makes the migration fail rather than hide it.
ALTER TABLE "ledger_accounts" DROP CONSTRAINT "ledger_accounts_guarded_kinds";--> statement-breakpoint
ALTER TABLE "ledger_balances" DROP CONSTRAINT "ledger_balances_account_guarded_fk";--> statement-breakpoint
ALTER TABLE "ledger_accounts" DISABLE TRIGGER "ledger_accounts_immutable";--> statement-breakpoint
ALTER TABLE "ledger_balances" DISABLE TRIGGER "ledger_balances_keep_identity";--> statement-breakpoint
UPDATE "ledger_accounts" SET "guarded" = true WHERE "kind" = 'client_funding';--> statement-breakpoint
UPDATE "ledger_balances" b SET "guarded" = true FROM "ledger_accounts" a
 WHERE a."id" = b."account_id" AND a."kind" = 'client_funding';--> statement-breakpoint
ALTER TABLE "ledger_balances" ENABLE TRIGGER "ledger_balances_keep_identity";--> statement-breakpoint
ALTER TABLE "ledger_accounts" ENABLE TRIGGER "ledger_accounts_immutable";--> statement-breakpoint
ALTER TABLE "ledger_balances" ADD CONSTRAINT "ledger_balances_account_guarded_fk" FOREIGN KEY ("account_id","guarded") REFERENCES "public"."ledger_accounts"("id","guarded") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_guarded_kinds" CHECK (("ledger_accounts"."kind" in ('client_funding', 'escrow', 'freelancer_pending', 'freelancer_available', 'freelancer_payout_in_flight', 'connects')) = "ledger_accounts"."guarded");
