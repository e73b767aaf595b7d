import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { freelancerAccount, getBalanceByKey } from '../ledger/accounts.ts';
import { earnings, withdrawals } from './tables.ts';

export interface EarningsSummary {
  currency: string;
  pendingCents: number;
  availableCents: number;
  inFlightCents: number;
  /** Everything ever earned (after service fees). */
  lifetimeCents: number;
  /** Everything the processors have paid out. */
  withdrawnCents: number;
  /** The next pending earnings to become available, soonest first. */
  upcoming: { id: string; description: string; amountCents: number; availableAt: Date }[];
}

const CURRENCY = 'USD';

/** The four numbers a freelancer watches, read from the ledger, plus what clears next. */
export async function earningsSummaryFor(executor: Executor, freelancerId: string): Promise<EarningsSummary> {
  const balance = (stage: 'pending' | 'available' | 'payout_in_flight') =>
    getBalanceByKey(executor, freelancerAccount(freelancerId, stage, CURRENCY));
  const [pendingCents, availableCents, inFlightCents] = await Promise.all([
    balance('pending'),
    balance('available'),
    balance('payout_in_flight'),
  ]);
  const [lifetime] = await executor
    .select({ total: sql<number>`coalesce(sum(${earnings.amountCents}), 0)::bigint` })
    .from(earnings)
    .where(and(eq(earnings.freelancerId, freelancerId), eq(earnings.currency, CURRENCY)));
  const [withdrawn] = await executor
    .select({ total: sql<number>`coalesce(sum(${withdrawals.amountCents} - ${withdrawals.feeCents}), 0)::bigint` })
    .from(withdrawals)
    .where(
      and(
        eq(withdrawals.freelancerId, freelancerId),
        eq(withdrawals.currency, CURRENCY),
        eq(withdrawals.state, 'completed'),
      ),
    );
  const upcoming = await executor
    .select({
      id: earnings.id,
      description: earnings.description,
      amountCents: earnings.amountCents,
      availableAt: earnings.availableAt,
    })
    .from(earnings)
    .where(and(eq(earnings.freelancerId, freelancerId), eq(earnings.state, 'pending')))
    .orderBy(asc(earnings.availableAt))
    .limit(10);
  return {
    currency: CURRENCY,
    pendingCents,
    availableCents,
    inFlightCents,
    lifetimeCents: Number(lifetime?.total ?? 0),
    withdrawnCents: Number(withdrawn?.total ?? 0),
    upcoming,
  };
}

export async function getEarningsSummary(ctx: Ctx): Promise<EarningsSummary> {
  return earningsSummaryFor(ctx.db, requireActor(ctx).userId);
}
