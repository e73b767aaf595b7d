-- Ledger rules enforced by PostgreSQL itself, so that no code path (a bug, a script, a psql
-- session) can break them, and the one-round-trip transfer function (see docs/ledger.md).

-- Transfers, postings and accounts are immutable: mistakes are fixed by a reversing transfer.
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger: % on % is refused: ledger rows are immutable (post a reversing transfer instead)',
    TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'integrity_constraint_violation';
END
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_transfers_immutable BEFORE UPDATE OR DELETE ON ledger_transfers
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_transfers_no_truncate BEFORE TRUNCATE ON ledger_transfers
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_postings_immutable BEFORE UPDATE OR DELETE ON ledger_postings
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_postings_no_truncate BEFORE TRUNCATE ON ledger_postings
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_accounts_immutable BEFORE UPDATE OR DELETE ON ledger_accounts
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_accounts_no_truncate BEFORE TRUNCATE ON ledger_accounts
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
-- Balance rows change only in their amount; they are never removed or moved to another account.
CREATE TRIGGER ledger_balances_keep_rows BEFORE DELETE ON ledger_balances
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_balances_keep_identity BEFORE UPDATE OF account_id, shard, guarded ON ledger_balances
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_balances_no_truncate BEFORE TRUNCATE ON ledger_balances
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint

-- Every transfer has at least two postings and sums to zero in each currency. Checked at commit
-- (deferred), once the whole transfer has been written, from both sides: a transfer without
-- postings and a posting added to someone else's transfer are both caught.
CREATE FUNCTION ledger_check_transfer_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  checked_id uuid;
  posting_count bigint;
  unbalanced boolean;
BEGIN
  IF TG_TABLE_NAME = 'ledger_transfers' THEN
    checked_id := NEW.id;
  ELSE
    checked_id := NEW.transfer_id;
  END IF;
  SELECT coalesce(sum(per_currency.postings), 0), coalesce(bool_or(per_currency.total <> 0), false)
    INTO posting_count, unbalanced
    FROM (SELECT count(*) AS postings, sum(amount_cents) AS total
            FROM ledger_postings WHERE transfer_id = checked_id GROUP BY currency) AS per_currency;
  IF posting_count < 2 THEN
    RAISE EXCEPTION 'ledger: transfer % has % posting(s); a transfer needs at least two', checked_id, posting_count
      USING ERRCODE = 'check_violation';
  END IF;
  IF unbalanced THEN
    RAISE EXCEPTION 'ledger: transfer % does not sum to zero in every currency', checked_id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER ledger_transfers_balanced AFTER INSERT ON ledger_transfers
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_transfer_balanced();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER ledger_postings_balanced AFTER INSERT ON ledger_postings
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_transfer_balanced();
--> statement-breakpoint

-- Finds an account by (owner, kind, currency), creating it and its balance rows on first use.
CREATE FUNCTION ledger_account_for(
  p_owner_kind text, p_owner_id uuid, p_kind text, p_currency text, p_guarded boolean, p_shards smallint,
  p_now timestamptz
) RETURNS ledger_accounts LANGUAGE plpgsql AS $$
DECLARE
  found_account ledger_accounts;
BEGIN
  SELECT * INTO found_account FROM ledger_accounts
   WHERE owner_kind = p_owner_kind AND owner_id = p_owner_id AND kind = p_kind AND currency = p_currency;
  IF FOUND THEN
    RETURN found_account;
  END IF;
  INSERT INTO ledger_accounts (id, owner_kind, owner_id, kind, currency, guarded, balance_shards, created_at)
  VALUES (gen_random_uuid(), p_owner_kind, p_owner_id, p_kind, p_currency, p_guarded, p_shards, p_now)
  ON CONFLICT (owner_kind, owner_id, kind, currency) DO NOTHING
  RETURNING * INTO found_account;
  IF NOT FOUND THEN
    -- Created concurrently by a transaction that has committed since (ON CONFLICT waited for it).
    SELECT * INTO STRICT found_account FROM ledger_accounts
     WHERE owner_kind = p_owner_kind AND owner_id = p_owner_id AND kind = p_kind AND currency = p_currency;
    RETURN found_account;
  END IF;
  INSERT INTO ledger_balances (account_id, shard, guarded, balance_cents, updated_at)
  SELECT found_account.id, shard, found_account.guarded, 0, p_now
    FROM generate_series(0, found_account.balance_shards - 1) AS shard;
  RETURN found_account;
END
$$;
--> statement-breakpoint

-- Whether a repeated idempotency key carries the same transfer as the one stored under it.
CREATE FUNCTION ledger_same_transfer(p_existing ledger_transfers, p_reason text, p_postings jsonb)
RETURNS boolean LANGUAGE sql STABLE AS $$
  WITH requested AS (
    SELECT coalesce(x.account_id, a.id) AS account_id, x.amount_cents
      FROM jsonb_to_recordset(p_postings)
           AS x(account_id uuid, owner_kind text, owner_id uuid, kind text, currency text, amount_cents bigint)
      LEFT JOIN ledger_accounts a
        ON x.account_id IS NULL AND a.owner_kind = x.owner_kind AND a.owner_id = x.owner_id
       AND a.kind = x.kind AND a.currency = x.currency
  ), stored AS (
    SELECT account_id, amount_cents FROM ledger_postings WHERE transfer_id = p_existing.id
  )
  SELECT p_existing.reason = p_reason
     AND (SELECT count(*) FROM requested) = (SELECT count(*) FROM stored)
     AND NOT EXISTS (SELECT account_id, amount_cents FROM requested EXCEPT SELECT account_id, amount_cents FROM stored)
$$;
--> statement-breakpoint

-- Posts one transfer in one round trip: resolves accounts, locks their balance rows in a fixed
-- order (single-row accounts by id, then sharded accounts by id, each taking any shard nobody else
-- holds), refuses to overdraw a guarded account without writing anything, then writes the transfer,
-- its postings and the balances. Outcomes: posted | replayed (same key, same transfer) | mismatch
-- (same key, another transfer) | insufficient_funds (o_short_account_id would go negative).
CREATE FUNCTION ledger_post_transfer(
  p_transfer_id uuid,
  p_idempotency_key text,
  p_reason text,
  p_refs jsonb,
  p_memo text,
  p_reverses_transfer_id uuid,
  p_now timestamptz,
  p_postings jsonb,
  OUT o_transfer_id uuid,
  OUT o_outcome text,
  OUT o_account_ids uuid[],
  OUT o_currencies text[],
  OUT o_short_account_id uuid
) LANGUAGE plpgsql AS $$
DECLARE
  existing ledger_transfers;
  item record;
  account_ids uuid[];
  currencies text[];
  amounts bigint[];
  guarded_flags boolean[];
  shard_counts smallint[];
  single_row_ids uuid[];
  locked_shards smallint[];
  balances_after bigint[];
  posting_count int;
  known_count int;
  distinct_count int;
  idx int;
  chosen_shard smallint;
BEGIN
  -- Postings naming an account by key get its id first (the account is created on first use).
  IF p_postings @> '[{"account_id": null}]' THEN
    FOR item IN
      SELECT x.*, x.ord FROM ROWS FROM (jsonb_to_recordset(p_postings) AS (
        account_id uuid, owner_kind text, owner_id uuid, kind text, currency text, guarded boolean, shards smallint))
        WITH ORDINALITY AS x(account_id, owner_kind, owner_id, kind, currency, guarded, shards, ord)
       WHERE x.account_id IS NULL
    LOOP
      p_postings := jsonb_set(p_postings, ARRAY[(item.ord - 1)::text, 'account_id'],
        to_jsonb((ledger_account_for(item.owner_kind, item.owner_id, item.kind, item.currency, item.guarded,
                                     item.shards, p_now)).id));
    END LOOP;
  END IF;

  SELECT array_agg(a.id ORDER BY x.ord), array_agg(a.currency ORDER BY x.ord), array_agg(x.amount_cents ORDER BY x.ord),
         array_agg(a.guarded ORDER BY x.ord), array_agg(a.balance_shards ORDER BY x.ord),
         array_agg(a.id) FILTER (WHERE a.balance_shards = 1),
         count(*), count(a.id), count(DISTINCT a.id)
    INTO account_ids, currencies, amounts, guarded_flags, shard_counts, single_row_ids,
         posting_count, known_count, distinct_count
    FROM ROWS FROM (jsonb_to_recordset(p_postings) AS (account_id uuid, amount_cents bigint))
         WITH ORDINALITY AS x(account_id, amount_cents, ord)
    LEFT JOIN ledger_accounts a ON a.id = x.account_id;
  IF known_count < posting_count THEN
    RAISE EXCEPTION 'ledger: a posting names an account that does not exist' USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF distinct_count < posting_count THEN
    RAISE EXCEPTION 'ledger: an account appears twice in one transfer' USING ERRCODE = 'check_violation';
  END IF;
  -- Balance per currency and posting count are checked at commit by ledger_check_transfer_balanced.

  locked_shards := array_fill(0::smallint, ARRAY[posting_count]);
  balances_after := array_fill(NULL::bigint, ARRAY[posting_count]);

  -- Fixed lock order, so that concurrent transfers never deadlock: single-row accounts by id...
  FOR item IN
    SELECT b.account_id, b.balance_cents FROM ledger_balances b
     WHERE b.account_id = ANY (single_row_ids) AND b.shard = 0
     ORDER BY b.account_id FOR UPDATE
  LOOP
    idx := array_position(account_ids, item.account_id);
    IF guarded_flags[idx] AND item.balance_cents + amounts[idx] < 0 THEN
      -- A repeat of a transfer posted before the money moved on is still a replay.
      SELECT * INTO existing FROM ledger_transfers WHERE idempotency_key = p_idempotency_key;
      IF FOUND THEN
        o_transfer_id := existing.id;
        o_outcome := CASE WHEN ledger_same_transfer(existing, p_reason, p_postings) THEN 'replayed' ELSE 'mismatch' END;
        RETURN;
      END IF;
      o_outcome := 'insufficient_funds';
      o_short_account_id := item.account_id;
      RETURN;
    END IF;
    balances_after[idx] := item.balance_cents + amounts[idx];
  END LOOP;

  -- ...then sharded (hot, never guarded) accounts by id, each on any shard nobody else holds, so
  -- that concurrent transfers to the platform's accounts proceed side by side.
  IF cardinality(single_row_ids) IS DISTINCT FROM posting_count THEN
    FOR idx IN
      SELECT i FROM generate_subscripts(account_ids, 1) AS i WHERE shard_counts[i] > 1 ORDER BY account_ids[i]
    LOOP
      SELECT shard INTO chosen_shard FROM ledger_balances
       WHERE account_id = account_ids[idx] FOR UPDATE SKIP LOCKED LIMIT 1;
      IF NOT FOUND THEN
        chosen_shard := floor(random() * shard_counts[idx]);
        PERFORM 1 FROM ledger_balances WHERE account_id = account_ids[idx] AND shard = chosen_shard FOR UPDATE;
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
    o_outcome := CASE WHEN ledger_same_transfer(existing, p_reason, p_postings) THEN 'replayed' ELSE 'mismatch' END;
    RETURN;
  END IF;

  UPDATE ledger_balances AS b
     SET balance_cents = b.balance_cents + p.amount, updated_at = p_now
    FROM unnest(account_ids, locked_shards, amounts) AS p(account_id, shard, amount)
   WHERE b.account_id = p.account_id AND b.shard = p.shard;

  INSERT INTO ledger_postings (transfer_id, account_id, currency, amount_cents, balance_after_cents)
  SELECT p_transfer_id, p.account_id, p.currency, p.amount, p.balance_after
    FROM unnest(account_ids, currencies, amounts, balances_after) AS p(account_id, currency, amount, balance_after);

  o_transfer_id := p_transfer_id;
  o_outcome := 'posted';
  o_account_ids := account_ids;
  o_currencies := currencies;
END
$$;
--> statement-breakpoint
-- Postings are keyed by (account_id, id) (statement order per account) and checked by a trigger
-- instead of foreign keys (see 0009). The generated migration that makes that change (in 0008) can
-- neither name the old primary key nor drop the unique key the old foreign key depends on, so the
-- old key is dropped here and the foreign key is swapped for a placeholder of the same name that
-- 0008 then drops.
ALTER TABLE "ledger_postings" DROP CONSTRAINT "ledger_postings_pkey";
--> statement-breakpoint
ALTER TABLE "ledger_postings" DROP CONSTRAINT "ledger_postings_account_currency_fk";
--> statement-breakpoint
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_account_currency_fk" CHECK (true);
