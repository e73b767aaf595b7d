import { sql } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../server/context.ts';
import { statementAccountsFor } from './statement.ts';

export interface SpendingSummary {
  currency: string;
  /** Funds not yet put to use. */
  balanceCents: number;
  /** Everything paid in by card, PayPal or bank, fees included. */
  paidInCents: number;
  /** Marketplace fees, inside payments or taken when funding escrow. */
  feesCents: number;
  /** Put into escrow (and so to freelancers, or back as refunds). */
  spentCents: number;
  refundedCents: number;
  /** The last 12 months with activity, newest first. */
  months: { month: string; paidInCents: number; spentCents: number }[];
}

interface MonthRow extends Record<string, unknown> {
  month: string;
  paid_in: number | string | null;
  fees: number | string | null;
  spent: number | string | null;
  refunded: number | string | null;
}

const cents = (value: number | string | null | undefined) => Number(value ?? 0);

/** What a client has paid in and spent, by month (UTC), from the ledger. */
export async function getSpendingSummary(ctx: Ctx): Promise<SpendingSummary> {
  const actor = requireActor(ctx);
  const funding = (await statementAccountsFor(ctx.db, { userId: actor.userId, roles: ['client'] })).find(
    (account) => account.currency === 'USD',
  );
  const empty = {
    currency: 'USD',
    balanceCents: 0,
    paidInCents: 0,
    feesCents: 0,
    spentCents: 0,
    refundedCents: 0,
    months: [],
  };
  if (!funding) return empty;
  // Reads the ledger's tables (read only): the ledger exports no per-account aggregates yet.
  const result = await ctx.db.execute<MonthRow>(sql`
    select to_char(date_trunc('month', t.created_at at time zone 'UTC'), 'YYYY-MM') as month,
           sum(p.amount_cents + fee.total) filter (where t.reason = 'payment.charge') as paid_in,
           sum(fee.total) as fees,
           -sum(p.amount_cents + fee.total) filter (where t.reason = 'escrow.fund') as spent,
           sum(p.amount_cents) filter (where t.reason in ('escrow.refund', 'payment.refund')) as refunded
      from ledger_postings p
      join ledger_transfers t on t.id = p.transfer_id
      cross join lateral (
        select coalesce(sum(r.amount_cents), 0) as total
          from ledger_postings r join ledger_accounts ra on ra.id = r.account_id
         where r.transfer_id = t.id and ra.kind = 'platform_fee_revenue') fee
     where p.account_id = ${funding.id}
     group by 1
     order by 1 desc`);
  const rows = result.rows;
  const total = (pick: (row: MonthRow) => number | string | null) =>
    rows.reduce((sum, row) => sum + cents(pick(row)), 0);
  return {
    currency: funding.currency,
    balanceCents: funding.balanceCents,
    paidInCents: total((row) => row.paid_in),
    feesCents: total((row) => row.fees),
    spentCents: total((row) => row.spent),
    refundedCents: total((row) => row.refunded),
    months: rows
      .slice(0, 12)
      .map((row) => ({ month: row.month, paidInCents: cents(row.paid_in), spentCents: cents(row.spent) })),
  };
}
