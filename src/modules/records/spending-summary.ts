import { type Ctx, requireActor } from '../../server/context.ts';
import { monthlyTotalsByReason } from '../ledger/account-postings.ts';
import { statementAccountsFor } from './statement.ts';
import { reasonsByType } from './transaction-types.ts';

const REFUND_REASONS = reasonsByType.refund;

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
  const months = new Map<
    string,
    { paidInCents: number; feesCents: number; spentCents: number; refundedCents: number }
  >();
  for (const total of await monthlyTotalsByReason(ctx.db, funding.id)) {
    const month = months.get(total.month) ?? { paidInCents: 0, feesCents: 0, spentCents: 0, refundedCents: 0 };
    month.feesCents += total.feeCents;
    if (total.reason === 'payment.charge') month.paidInCents += total.amountCents + total.feeCents;
    if (total.reason === 'escrow.fund') month.spentCents -= total.amountCents + total.feeCents;
    if (REFUND_REASONS.includes(total.reason)) month.refundedCents += total.amountCents;
    months.set(total.month, month);
  }
  const rows = [...months.values()];
  const sum = (pick: (month: (typeof rows)[number]) => number) => rows.reduce((all, month) => all + pick(month), 0);
  return {
    currency: funding.currency,
    balanceCents: funding.balanceCents,
    paidInCents: sum((month) => month.paidInCents),
    feesCents: sum((month) => month.feesCents),
    spentCents: sum((month) => month.spentCents),
    refundedCents: sum((month) => month.refundedCents),
    // Newest first, as the ledger orders the months.
    months: [...months.entries()]
      .slice(0, 12)
      .map(([month, totals]) => ({ month, paidInCents: totals.paidInCents, spentCents: totals.spentCents })),
  };
}
