-- Less work per transfer: most transfers reverse nothing, so the unique index on reversals only
-- holds the ones that do; postings are checked with a fixed number of lookups per statement.
DROP INDEX "ledger_transfers_reverses_key";--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_transfers_reverses_key" ON "ledger_transfers" USING btree ("reverses_transfer_id") WHERE "ledger_transfers"."reverses_transfer_id" is not null;--> statement-breakpoint
-- Postings are checked per inserting statement with a fixed number of primary-key lookups (by
-- `= ANY`), however many postings the statement inserts.
CREATE OR REPLACE FUNCTION ledger_check_posting_refs() RETURNS trigger LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  transfer_ids uuid[];
  account_ids uuid[];
  account_currencies text[];
  matching int;
  posting record;
  found_txid xid8;
  found_currency text;
BEGIN
  SELECT array_agg(DISTINCT transfer_id) INTO transfer_ids FROM inserted;
  SELECT array_agg(account_id), array_agg(currency) INTO account_ids, account_currencies
    FROM (SELECT DISTINCT account_id, currency FROM inserted) AS pairs;
  SELECT count(*) INTO matching FROM ledger_transfers
   WHERE id = ANY (transfer_ids) AND created_txid = pg_current_xact_id();
  IF matching = coalesce(cardinality(transfer_ids), 0) THEN
    SELECT count(*) INTO matching FROM ledger_accounts
     WHERE id = ANY (account_ids) AND currency = account_currencies[array_position(account_ids, id)];
    IF matching = coalesce(cardinality(account_ids), 0) THEN
      RETURN NULL;
    END IF;
  END IF;
  -- Something is wrong: find the first offending posting, for a precise message.
  FOR posting IN SELECT transfer_id, account_id, currency FROM inserted LOOP
    SELECT created_txid INTO found_txid FROM ledger_transfers WHERE id = posting.transfer_id;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'ledger: posting for unknown transfer %', posting.transfer_id
        USING ERRCODE = 'foreign_key_violation';
    END IF;
    -- A transfer's postings are written by the transaction that creates it, where its deferred
    -- balance check runs at commit; adding to an older transfer would escape that check.
    IF found_txid <> pg_current_xact_id() THEN
      RAISE EXCEPTION 'ledger: postings can only be added to transfer % by the transaction that created it',
        posting.transfer_id USING ERRCODE = 'check_violation';
    END IF;
    SELECT currency INTO found_currency FROM ledger_accounts WHERE id = posting.account_id;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'ledger: posting to unknown account %', posting.account_id
        USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF found_currency <> posting.currency THEN
      RAISE EXCEPTION 'ledger: posting in % to account % which holds %', posting.currency, posting.account_id,
        found_currency USING ERRCODE = 'check_violation';
    END IF;
  END LOOP;
  RAISE EXCEPTION 'ledger: inconsistent postings' USING ERRCODE = 'check_violation';
END
$$;
