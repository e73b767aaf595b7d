-- A batch looks for keys posted before only once it holds its locks: a concurrent batch posting
-- the same transfer has committed by then, so the repeat is a replay, not an overdraft.
CREATE OR REPLACE FUNCTION ledger_post_transfers(
  p_transfer_ids uuid[],
  p_idempotency_keys text[],
  p_reasons text[],
  p_refs jsonb,
  p_memos text[],
  p_reverses_transfer_ids uuid[],
  p_ats timestamptz[],
  p_posting_counts int[],
  p_account_ids uuid[],
  p_amounts bigint[],
  p_account_keys jsonb
) RETURNS TABLE (
  o_position int, o_transfer_id uuid, o_outcome text, o_short_account_id uuid, o_account_ids uuid[],
  o_currencies text[]
) LANGUAGE plpgsql
-- Plans made once per session: custom plans would be re-planned on every call, which costs more
-- than the transfer itself. Every statement below is a primary-key lookup or a write.
SET plan_cache_mode = force_generic_plan
SET enable_seqscan = off AS $$
DECLARE
  transfer_count int := cardinality(p_transfer_ids);
  posting_total int := cardinality(p_account_ids);
  -- Per posting.
  posting_transfer int[];
  posting_account int[];
  posting_currencies text[];
  balances_after bigint[];
  -- Per transfer.
  first_postings int[];
  last_postings int[];
  outcomes text[];
  result_ids uuid[];
  short_ids uuid[];
  -- Per distinct account, sorted by id.
  acc_ids uuid[];
  acc_currencies text[];
  acc_guarded boolean[];
  acc_shards smallint[];
  acc_balances bigint[];
  acc_shard_locked smallint[];
  acc_deltas bigint[];
  single_row_ids uuid[];
  changed_ids uuid[];
  changed_shards smallint[];
  changed_deltas bigint[];
  account_key jsonb;
  resolved ledger_accounts;
  existing ledger_transfers;
  item record;
  t int;
  p int;
  idx int;
  next_posting int := 1;
  posted_count int := 0;
  inserted_count int;
  chosen_shard smallint;
  short_account uuid;
  latest_at timestamptz;
BEGIN
  IF transfer_count IS NULL OR posting_total IS NULL OR cardinality(p_amounts) IS DISTINCT FROM posting_total THEN
    RAISE EXCEPTION 'ledger: a batch needs transfers, and an amount for every posting' USING ERRCODE = 'check_violation';
  END IF;
  IF (SELECT count(DISTINCT key) FROM unnest(p_idempotency_keys) AS key) <> transfer_count THEN
    RAISE EXCEPTION 'ledger: idempotency keys must differ within a batch' USING ERRCODE = 'check_violation';
  END IF;

  -- Which postings belong to which transfer.
  posting_transfer := array_fill(0, ARRAY[posting_total]);
  first_postings := array_fill(0, ARRAY[transfer_count]);
  last_postings := array_fill(0, ARRAY[transfer_count]);
  FOR t IN 1 .. transfer_count LOOP
    first_postings[t] := next_posting;
    next_posting := next_posting + p_posting_counts[t];
    last_postings[t] := next_posting - 1;
    FOR p IN first_postings[t] .. last_postings[t] LOOP
      posting_transfer[p] := t;
    END LOOP;
  END LOOP;
  IF next_posting - 1 <> posting_total THEN
    RAISE EXCEPTION 'ledger: posting counts do not add up' USING ERRCODE = 'check_violation';
  END IF;

  -- Accounts named by key get their id (created on first use).
  IF p_account_keys IS NOT NULL THEN
    FOR p IN 1 .. posting_total LOOP
      IF p_account_ids[p] IS NULL THEN
        account_key := p_account_keys -> (p - 1);
        resolved := ledger_account_for(account_key ->> 'owner_kind', (account_key ->> 'owner_id')::uuid,
          account_key ->> 'kind', account_key ->> 'currency', (account_key ->> 'guarded')::boolean,
          (account_key ->> 'shards')::smallint, p_ats[posting_transfer[p]]);
        p_account_ids[p] := resolved.id;
      END IF;
    END LOOP;
  END IF;

  SELECT array_agg(a.id ORDER BY a.id), array_agg(a.currency ORDER BY a.id), array_agg(a.guarded ORDER BY a.id),
         array_agg(a.balance_shards ORDER BY a.id), array_agg(a.id ORDER BY a.id) FILTER (WHERE a.balance_shards = 1)
    INTO acc_ids, acc_currencies, acc_guarded, acc_shards, single_row_ids
    FROM ledger_accounts a WHERE a.id = ANY (p_account_ids);
  posting_account := array_fill(0, ARRAY[posting_total]);
  posting_currencies := array_fill(NULL::text, ARRAY[posting_total]);
  FOR p IN 1 .. posting_total LOOP
    idx := array_position(acc_ids, p_account_ids[p]);
    IF idx IS NULL THEN
      RAISE EXCEPTION 'ledger: posting to unknown account %', p_account_ids[p] USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF idx = ANY (posting_account[first_postings[posting_transfer[p]] : p - 1]) THEN
      RAISE EXCEPTION 'ledger: account % appears twice in one transfer', p_account_ids[p] USING ERRCODE = 'check_violation';
    END IF;
    posting_account[p] := idx;
    posting_currencies[p] := acc_currencies[idx];
  END LOOP;
  -- Balance per currency and posting counts are checked at commit by ledger_check_transfer_balanced.

  outcomes := array_fill(NULL::text, ARRAY[transfer_count]);
  result_ids := array_fill(NULL::uuid, ARRAY[transfer_count]);
  short_ids := array_fill(NULL::uuid, ARRAY[transfer_count]);

  -- Lock every balance row the batch touches, in the fixed order.
  acc_balances := array_fill(NULL::bigint, ARRAY[cardinality(acc_ids)]);
  acc_shard_locked := array_fill(0::smallint, ARRAY[cardinality(acc_ids)]);
  acc_deltas := array_fill(0::bigint, ARRAY[cardinality(acc_ids)]);
  FOR item IN
    SELECT b.account_id, b.balance_cents FROM ledger_balances b
     WHERE b.account_id = ANY (single_row_ids) AND b.shard = 0
     ORDER BY b.account_id FOR UPDATE
  LOOP
    acc_balances[array_position(acc_ids, item.account_id)] := item.balance_cents;
  END LOOP;
  FOR idx IN 1 .. cardinality(acc_ids) LOOP
    CONTINUE WHEN acc_shards[idx] = 1;
    SELECT shard INTO chosen_shard FROM ledger_balances
     WHERE account_id = acc_ids[idx] ORDER BY shard FOR UPDATE SKIP LOCKED LIMIT 1;
    IF NOT FOUND THEN
      chosen_shard := floor(random() * acc_shards[idx]);
      PERFORM 1 FROM ledger_balances WHERE account_id = acc_ids[idx] AND shard = chosen_shard FOR UPDATE;
    END IF;
    acc_shard_locked[idx] := chosen_shard;
  END LOOP;

  -- Keys posted before: replays (or misuses), decided before any balance is looked at. Read after
  -- the locks: a transaction that posted the same transfer meanwhile holds the same rows, so it
  -- has committed by now and its key is visible.
  FOR existing IN SELECT * FROM ledger_transfers WHERE idempotency_key = ANY (p_idempotency_keys) LOOP
    t := array_position(p_idempotency_keys, existing.idempotency_key);
    result_ids[t] := existing.id;
    outcomes[t] := CASE
      WHEN ledger_same_transfer(existing, p_reasons[t], p_account_ids[first_postings[t] : last_postings[t]],
                                p_amounts[first_postings[t] : last_postings[t]])
      THEN 'replayed' ELSE 'mismatch' END;
  END LOOP;

  -- Decide each transfer in order against the running balances.
  balances_after := array_fill(NULL::bigint, ARRAY[posting_total]);
  FOR t IN 1 .. transfer_count LOOP
    CONTINUE WHEN outcomes[t] IS NOT NULL;
    short_account := NULL;
    FOR p IN first_postings[t] .. last_postings[t] LOOP
      idx := posting_account[p];
      IF acc_guarded[idx] AND acc_balances[idx] + p_amounts[p] < 0 THEN
        short_account := acc_ids[idx];
        EXIT;
      END IF;
    END LOOP;
    IF short_account IS NOT NULL THEN
      outcomes[t] := 'insufficient_funds';
      short_ids[t] := short_account;
      CONTINUE;
    END IF;
    FOR p IN first_postings[t] .. last_postings[t] LOOP
      idx := posting_account[p];
      acc_deltas[idx] := acc_deltas[idx] + p_amounts[p];
      IF acc_shards[idx] = 1 THEN
        acc_balances[idx] := acc_balances[idx] + p_amounts[p];
        balances_after[p] := acc_balances[idx];
      END IF;
    END LOOP;
    outcomes[t] := 'posted';
    result_ids[t] := p_transfer_ids[t];
    posted_count := posted_count + 1;
    latest_at := greatest(latest_at, p_ats[t]);
  END LOOP;

  IF posted_count > 0 THEN
    INSERT INTO ledger_transfers (
      id, idempotency_key, reason, contract_id, milestone_id, timesheet_id, withdrawal_id, dispute_id, charge_id,
      user_id, extra, reverses_transfer_id, memo, created_at)
    SELECT p_transfer_ids[g.n], p_idempotency_keys[g.n], p_reasons[g.n], (r.refs ->> 'contractId')::uuid,
           (r.refs ->> 'milestoneId')::uuid, (r.refs ->> 'timesheetId')::uuid, (r.refs ->> 'withdrawalId')::uuid,
           (r.refs ->> 'disputeId')::uuid, (r.refs ->> 'chargeId')::uuid, (r.refs ->> 'userId')::uuid,
           r.refs -> 'extra', p_reverses_transfer_ids[g.n], p_memos[g.n], p_ats[g.n]
      FROM generate_series(1, transfer_count) AS g(n), LATERAL (SELECT p_refs -> (g.n - 1) AS refs) AS r
     WHERE outcomes[g.n] = 'posted'
    ON CONFLICT (idempotency_key) DO NOTHING;
    GET DIAGNOSTICS inserted_count = ROW_COUNT;
    IF inserted_count < posted_count THEN
      -- A key was committed by a concurrent transaction while this one waited for its locks.
      IF transfer_count = 1 THEN
        -- Nothing else is written yet: answer as a replay (or a misuse) of what was committed.
        SELECT * INTO STRICT existing FROM ledger_transfers WHERE idempotency_key = p_idempotency_keys[1];
        RETURN QUERY SELECT 1, existing.id,
          CASE WHEN ledger_same_transfer(existing, p_reasons[1], p_account_ids, p_amounts)
               THEN 'replayed' ELSE 'mismatch' END,
          NULL::uuid, NULL::uuid[], NULL::text[];
        RETURN;
      END IF;
      RAISE EXCEPTION 'ledger: an idempotency key in this batch was posted concurrently; retry the batch'
        USING ERRCODE = 'serialization_failure';
    END IF;

    SELECT array_agg(acc_ids[g.n]), array_agg(acc_shard_locked[g.n]), array_agg(acc_deltas[g.n])
      INTO changed_ids, changed_shards, changed_deltas
      FROM generate_series(1, cardinality(acc_ids)) AS g(n) WHERE acc_deltas[g.n] <> 0;
    UPDATE ledger_balances
       SET balance_cents = balance_cents + changed_deltas[array_position(changed_ids, account_id)],
           updated_at = latest_at
     WHERE account_id = ANY (changed_ids) AND shard = changed_shards[array_position(changed_ids, account_id)];

    INSERT INTO ledger_postings (transfer_id, account_id, currency, amount_cents, balance_after_cents)
    SELECT p_transfer_ids[posting_transfer[g.n]], p_account_ids[g.n], posting_currencies[g.n], p_amounts[g.n],
           balances_after[g.n]
      FROM generate_series(1, posting_total) AS g(n)
     WHERE outcomes[posting_transfer[g.n]] = 'posted'
     ORDER BY g.n;
  END IF;

  RETURN QUERY
    SELECT g.n, result_ids[g.n], outcomes[g.n], short_ids[g.n],
           p_account_ids[first_postings[g.n] : last_postings[g.n]],
           posting_currencies[first_postings[g.n] : last_postings[g.n]]
      FROM generate_series(1, transfer_count) AS g(n);
END
$$;
