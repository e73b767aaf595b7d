import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';

/**
 * Lifetime billings between one freelancer and one client: the gross of every payment released
 * to that freelancer from that client's contracts, net of refunds and reversals. It is where the
 * sliding service fee starts for the next payment.
 *
 * Read from the ledger (the ledger exports no query by pair, so this reads its tables, read
 * only): every `escrow.release` transfer that credits the freelancer and names the client in
 * `extra.clientId` (payouts' `releaseEscrowAsEarning` always does) counts its escrow leg (the
 * gross); every `payment.refund` (the freelancer giving money back) subtracts what reached the
 * client's funds; a reversal of either counts the other way (reversals copy the refs).
 * Callers computing a fee for a release must call this inside the release transaction, after
 * taking the pair's lock, so that two concurrent payments cannot both start from the same total.
 */
export async function lifetimeBilledCents(
  executor: Executor,
  pair: { freelancerId: string; clientId: string },
): Promise<number> {
  const result = await executor.execute<{ billed: number | string | null }>(sql`
    with mine as (
      select distinct p.transfer_id
        from ledger_accounts a
        join ledger_postings p on p.account_id = a.id
       where a.owner_kind = 'user' and a.owner_id = ${pair.freelancerId}
         and a.kind in ('freelancer_pending', 'freelancer_available')
    )
    select coalesce(sum(
             case coalesce(original.reason, t.reason)
               when 'escrow.release' then -legs.escrow
               when 'payment.refund' then -legs.client
               else 0
             end), 0)::bigint as billed
      from mine
      join ledger_transfers t on t.id = mine.transfer_id
      left join ledger_transfers original on original.id = t.reverses_transfer_id
      cross join lateral (
        select coalesce(sum(q.amount_cents) filter (where qa.kind = 'escrow'), 0) as escrow,
               coalesce(sum(q.amount_cents) filter (where qa.kind = 'client_funding'), 0) as client
          from ledger_postings q join ledger_accounts qa on qa.id = q.account_id
         where q.transfer_id = t.id) legs
     where t.extra ->> 'clientId' = ${pair.clientId}`);
  return Number(result.rows[0]?.billed ?? 0);
}
