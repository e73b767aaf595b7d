-- The table changes below were also generated into 0008 (another module's migration picked up
-- this module's tables.ts); they are repeated here, idempotently, so that the ledger does not
-- depend on that file.
ALTER TABLE "ledger_transfers" ADD COLUMN IF NOT EXISTS "created_txid" xid8 DEFAULT pg_current_xact_id() NOT NULL;
--> statement-breakpoint
ALTER TABLE "ledger_postings" DROP CONSTRAINT IF EXISTS "ledger_postings_transfer_id_ledger_transfers_id_fk";
--> statement-breakpoint
ALTER TABLE "ledger_postings" DROP CONSTRAINT IF EXISTS "ledger_postings_account_currency_fk";
--> statement-breakpoint
ALTER TABLE "ledger_accounts" DROP CONSTRAINT IF EXISTS "ledger_accounts_id_currency_key";
--> statement-breakpoint
DROP INDEX IF EXISTS "ledger_postings_account_idx";
--> statement-breakpoint
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'ledger_postings_pkey') THEN
    ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_pkey" PRIMARY KEY ("account_id", "id");
  END IF;
END
$$;
--> statement-breakpoint
-- Cheaper, lock-free integrity checks for postings (see docs/ledger.md, "The hot row"):
-- one statement-level trigger checks every inserted posting's transfer and account, instead of
-- two foreign-key checks per posting that also took a FOR KEY SHARE lock on the hot platform
-- account row. No lock is needed: accounts and transfers can never be deleted or changed.
CREATE FUNCTION ledger_check_posting_refs() RETURNS trigger LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  posting record;
  account_currency text;
  transfer_txid xid8;
BEGIN
  -- One primary-key lookup each: plans that stay cheap however large the tables grow.
  FOR posting IN SELECT transfer_id, account_id, currency FROM inserted LOOP
    SELECT created_txid INTO transfer_txid FROM ledger_transfers WHERE id = posting.transfer_id;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'ledger: posting for unknown transfer %', posting.transfer_id
        USING ERRCODE = 'foreign_key_violation';
    END IF;
    -- A transfer's postings are written by the transaction that creates it, where its deferred
    -- balance check runs at commit; adding to an older transfer would escape that check.
    IF transfer_txid <> pg_current_xact_id() THEN
      RAISE EXCEPTION 'ledger: postings can only be added to transfer % by the transaction that created it',
        posting.transfer_id USING ERRCODE = 'check_violation';
    END IF;
    SELECT currency INTO account_currency FROM ledger_accounts WHERE id = posting.account_id;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'ledger: posting to unknown account %', posting.account_id
        USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF account_currency <> posting.currency THEN
      RAISE EXCEPTION 'ledger: posting in % to account % which holds %', posting.currency, posting.account_id,
        account_currency USING ERRCODE = 'check_violation';
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_postings_check_refs AFTER INSERT ON ledger_postings
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION ledger_check_posting_refs();
--> statement-breakpoint
-- The balance check now runs once per transfer (at commit), not once per posting.
DROP TRIGGER ledger_postings_balanced ON ledger_postings;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ledger_check_transfer_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  posting_count bigint;
  unbalanced boolean;
BEGIN
  SELECT coalesce(sum(per_currency.postings), 0), coalesce(bool_or(per_currency.total <> 0), false)
    INTO posting_count, unbalanced
    FROM (SELECT count(*) AS postings, sum(amount_cents) AS total
            FROM ledger_postings WHERE transfer_id = NEW.id GROUP BY currency) AS per_currency;
  IF posting_count < 2 THEN
    RAISE EXCEPTION 'ledger: transfer % has % posting(s); a transfer needs at least two', NEW.id, posting_count
      USING ERRCODE = 'check_violation';
  END IF;
  IF unbalanced THEN
    RAISE EXCEPTION 'ledger: transfer % does not sum to zero in every currency', NEW.id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint

-- The transfer function takes its postings as arrays (cheaper than JSON) and looks accounts up by
-- `id = ANY (...)`, which always uses the primary key: a JSON record set estimated at 100 rows
-- made the planner scan every account.
DROP FUNCTION ledger_post_transfer(uuid, text, text, jsonb, text, uuid, timestamptz, jsonb);
--> statement-breakpoint
DROP FUNCTION ledger_same_transfer(ledger_transfers, text, jsonb);
--> statement-breakpoint
-- Whether a repeated idempotency key carries the same transfer as the one stored under it.
CREATE FUNCTION ledger_same_transfer(p_existing ledger_transfers, p_reason text, p_account_ids uuid[],
                                     p_amounts bigint[])
RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT p_existing.reason = p_reason
     AND (SELECT count(*) FROM ledger_postings WHERE transfer_id = p_existing.id) = cardinality(p_account_ids)
     AND NOT EXISTS (SELECT * FROM unnest(p_account_ids, p_amounts)
                     EXCEPT SELECT account_id, amount_cents FROM ledger_postings WHERE transfer_id = p_existing.id)
$$;
--> statement-breakpoint
-- Posts one transfer in one round trip: resolves accounts, locks their balance rows in a fixed
-- order (single-row accounts by id, then sharded accounts by id, each on any shard nobody else
-- holds), refuses to overdraw a guarded account without writing anything, then writes the transfer,
-- its postings and the balances. p_account_keys (optional) names, for each null in p_account_ids,
-- the account to use or create: {owner_kind, owner_id, kind, currency, guarded, shards}.
-- Outcomes: posted | replayed (same key, same transfer) | mismatch (same key, another transfer) |
-- insufficient_funds (o_short_account_id would go negative).
CREATE FUNCTION ledger_post_transfer(
  p_transfer_id uuid,
  p_idempotency_key text,
  p_reason text,
  p_refs jsonb,
  p_memo text,
  p_reverses_transfer_id uuid,
  p_now timestamptz,
  p_account_ids uuid[],
  p_amounts bigint[],
  p_account_keys jsonb,
  OUT o_transfer_id uuid,
  OUT o_outcome text,
  OUT o_account_ids uuid[],
  OUT o_currencies text[],
  OUT o_short_account_id uuid
) LANGUAGE plpgsql
-- Plans made once per session: custom plans would be re-planned on every call, which costs more
-- than the transfer itself. Every statement below is a primary-key lookup or a write.
SET plan_cache_mode = force_generic_plan AS $$
DECLARE
  existing ledger_transfers;
  resolved ledger_accounts;
  account_key jsonb;
  item record;
  posting_count int := cardinality(p_account_ids);
  known_count int;
  currencies text[];
  guarded_flags boolean[];
  shard_counts smallint[];
  single_row_ids uuid[];
  sharded_ids uuid[];
  sharded_id uuid;
  locked_shards smallint[];
  balances_after bigint[];
  idx int;
  chosen_shard smallint;
BEGIN
  IF p_account_keys IS NOT NULL THEN
    FOR idx IN 1 .. posting_count LOOP
      IF p_account_ids[idx] IS NULL THEN
        account_key := p_account_keys -> (idx - 1);
        resolved := ledger_account_for(account_key ->> 'owner_kind', (account_key ->> 'owner_id')::uuid,
          account_key ->> 'kind', account_key ->> 'currency', (account_key ->> 'guarded')::boolean,
          (account_key ->> 'shards')::smallint, p_now);
        p_account_ids[idx] := resolved.id;
      END IF;
    END LOOP;
  END IF;

  SELECT array_agg(a.currency ORDER BY array_position(p_account_ids, a.id)),
         array_agg(a.guarded ORDER BY array_position(p_account_ids, a.id)),
         array_agg(a.balance_shards ORDER BY array_position(p_account_ids, a.id)),
         array_agg(a.id ORDER BY a.id) FILTER (WHERE a.balance_shards = 1),
         array_agg(a.id ORDER BY a.id) FILTER (WHERE a.balance_shards > 1),
         count(*)
    INTO currencies, guarded_flags, shard_counts, single_row_ids, sharded_ids, known_count
    FROM ledger_accounts a
   WHERE a.id = ANY (p_account_ids);
  IF known_count IS DISTINCT FROM posting_count OR posting_count <> cardinality(p_amounts) THEN
    RAISE EXCEPTION 'ledger: each posting needs its own existing account and an amount'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  -- Balance per currency and the posting count are checked at commit by ledger_check_transfer_balanced.

  locked_shards := array_fill(0::smallint, ARRAY[posting_count]);
  balances_after := array_fill(NULL::bigint, ARRAY[posting_count]);

  -- Fixed lock order, so that concurrent transfers never deadlock: single-row accounts by id...
  FOR item IN
    SELECT b.account_id, b.balance_cents FROM ledger_balances b
     WHERE b.account_id = ANY (single_row_ids) AND b.shard = 0
     ORDER BY b.account_id FOR UPDATE
  LOOP
    idx := array_position(p_account_ids, item.account_id);
    IF guarded_flags[idx] AND item.balance_cents + p_amounts[idx] < 0 THEN
      -- A repeat of a transfer posted before the money moved on is still a replay.
      SELECT * INTO existing FROM ledger_transfers WHERE idempotency_key = p_idempotency_key;
      IF FOUND THEN
        o_transfer_id := existing.id;
        o_outcome := CASE WHEN ledger_same_transfer(existing, p_reason, p_account_ids, p_amounts)
                          THEN 'replayed' ELSE 'mismatch' END;
        RETURN;
      END IF;
      o_outcome := 'insufficient_funds';
      o_short_account_id := item.account_id;
      RETURN;
    END IF;
    balances_after[idx] := item.balance_cents + p_amounts[idx];
  END LOOP;

  -- ...then sharded (hot, never guarded) accounts by id, each on any shard nobody else holds, so
  -- that concurrent transfers to the platform's accounts proceed side by side.
  IF sharded_ids IS NOT NULL THEN
    FOREACH sharded_id IN ARRAY sharded_ids LOOP
      idx := array_position(p_account_ids, sharded_id);
      SELECT shard INTO chosen_shard FROM ledger_balances
       WHERE account_id = sharded_id ORDER BY shard FOR UPDATE SKIP LOCKED LIMIT 1;
      IF NOT FOUND THEN
        chosen_shard := floor(random() * shard_counts[idx]);
        PERFORM 1 FROM ledger_balances WHERE account_id = sharded_id AND shard = chosen_shard FOR UPDATE;
      END IF;
      locked_shards[idx] := chosen_shard;
    END LOOP;
  END IF;

  INSERT INTO ledger_transfers (
    id, idempotency_key, reason, contract_id, milestone_id, timesheet_id, withdrawal_id, dispute_id, charge_id,
    user_id, extra, reverses_transfer_id, memo, created_at)
  VALUES (
    p_transfer_id, p_idempotency_key, p_reason, (p_refs ->> 'contractId')::uuid, (p_refs ->> 'milestoneId')::uuid,
    (p_refs ->> 'timesheetId')::uuid, (p_refs ->> 'withdrawalId')::uuid, (p_refs ->> 'disputeId')::uuid,
    (p_refs ->> 'chargeId')::uuid, (p_refs ->> 'userId')::uuid, p_refs -> 'extra', p_reverses_transfer_id, p_memo,
    p_now)
  ON CONFLICT (idempotency_key) DO NOTHING;
  IF NOT FOUND THEN
    -- The key was posted before (or by a concurrent transaction that committed while we waited).
    SELECT * INTO STRICT existing FROM ledger_transfers WHERE idempotency_key = p_idempotency_key;
    o_transfer_id := existing.id;
    o_outcome := CASE WHEN ledger_same_transfer(existing, p_reason, p_account_ids, p_amounts)
                      THEN 'replayed' ELSE 'mismatch' END;
    RETURN;
  END IF;

  -- One statement for all rows (found through the primary key by account id, then the locked shard).
  UPDATE ledger_balances
     SET balance_cents = balance_cents + p_amounts[array_position(p_account_ids, account_id)], updated_at = p_now
   WHERE account_id = ANY (p_account_ids) AND shard = locked_shards[array_position(p_account_ids, account_id)];

  INSERT INTO ledger_postings (transfer_id, account_id, currency, amount_cents, balance_after_cents)
  SELECT p_transfer_id, p.account_id, p.currency, p.amount, p.balance_after
    FROM unnest(p_account_ids, currencies, p_amounts, balances_after) AS p(account_id, currency, amount, balance_after);

  o_transfer_id := p_transfer_id;
  o_outcome := 'posted';
  o_account_ids := p_account_ids;
  o_currencies := currencies;
END
$$;
