import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { AccountKind } from './accounts.ts';

export interface LegTotalsQuery {
  /** Transfers that touch one of this user's accounts of these kinds... */
  ownerId: string;
  ownerKinds: AccountKind[];
  /** ...and whose `extra` holds this key with this (text) value. */
  extraKey: string;
  extraValue: string;
}

/** What the matching transfers of one reason moved through each kind of account, in sum. */
export interface LegTotal {
  /** The transfer's reason; for a reversal, the reason of the transfer it reverses. */
  reason: string;
  reversal: boolean;
  accountKind: string;
  cents: number;
}

/**
 * Sums the legs of one user's transfers that name something in `extra`, by reason and account
 * kind. A reversal is counted under the reason of what it reverses (reversals copy `extra`, and
 * their legs carry the opposite signs), so a sum by reason is net of reversals.
 */
export async function legTotalsByReason(executor: Executor, query: LegTotalsQuery): Promise<LegTotal[]> {
  const kinds = sql.join(
    query.ownerKinds.map((kind) => sql`${kind}`),
    sql`, `,
  );
  const result = await executor.execute<{
    reason: string;
    reversal: boolean;
    kind: string;
    cents: number | string;
  }>(sql`
    with mine as (
      select distinct p.transfer_id
        from ledger_accounts a
        join ledger_postings p on p.account_id = a.id
       where a.owner_kind = 'user' and a.owner_id = ${query.ownerId} and a.kind in (${kinds})
    )
    select coalesce(original.reason, t.reason) as reason, original.id is not null as reversal,
           qa.kind, sum(q.amount_cents) as cents
      from mine
      join ledger_transfers t on t.id = mine.transfer_id
      left join ledger_transfers original on original.id = t.reverses_transfer_id
      join ledger_postings q on q.transfer_id = t.id
      join ledger_accounts qa on qa.id = q.account_id
     where t.extra ->> ${query.extraKey} = ${query.extraValue}
     group by 1, 2, 3`);
  return result.rows.map((row) => ({
    reason: row.reason,
    reversal: row.reversal,
    accountKind: row.kind,
    cents: Number(row.cents),
  }));
}
