import { and, eq } from 'drizzle-orm';
import { invalidField } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { findOwnPayoutMethod } from './payout-method.ts';
import { PAYOUT_CURRENCIES } from './payout-method-types.ts';
import { nextScheduledRun } from './schedule-dates.ts';
import { type WithdrawalFrequency, withdrawalSchedules } from './tables.ts';

export type WithdrawalSchedule = typeof withdrawalSchedules.$inferSelect;

export interface ScheduleSettings {
  payoutMethodId: string;
  frequency: WithdrawalFrequency;
  currency: string;
  thresholdCents: number;
  leaveCents: number;
}

const MAX_SETTING_CENTS = 100_000_000;

/** The signed-in freelancer's schedule, or null. */
export async function getWithdrawalSchedule(ctx: Ctx): Promise<WithdrawalSchedule | null> {
  const freelancerId = requireActor(ctx).userId;
  const [row] = await ctx.db
    .select()
    .from(withdrawalSchedules)
    .where(eq(withdrawalSchedules.freelancerId, freelancerId));
  return row ?? null;
}

/**
 * Creates or replaces the signed-in freelancer's withdrawal schedule. The method may still be on
 * its hold: runs before the hold ends are skipped and say so.
 */
export async function setWithdrawalSchedule(ctx: Ctx, input: ScheduleSettings): Promise<WithdrawalSchedule> {
  const freelancerId = requireActor(ctx).userId;
  if (!(PAYOUT_CURRENCIES as readonly string[]).includes(input.currency)) {
    throw invalidField('currency', `Withdrawals are in ${PAYOUT_CURRENCIES.join(', ')}.`);
  }
  for (const field of ['thresholdCents', 'leaveCents'] as const) {
    const value = input[field];
    if (!Number.isSafeInteger(value) || value < 0 || value > MAX_SETTING_CENTS) {
      throw invalidField(field, 'Enter an amount from $0 to $1,000,000.');
    }
  }
  const now = ctx.clock.now();
  return ctx.tx(async (tx) => {
    await findOwnPayoutMethod(tx, freelancerId, input.payoutMethodId);
    const values = {
      payoutMethodId: input.payoutMethodId,
      frequency: input.frequency,
      currency: input.currency,
      thresholdCents: input.thresholdCents,
      leaveCents: input.leaveCents,
      nextRunAt: nextScheduledRun(input.frequency, now),
      updatedAt: now,
    };
    const [row] = await tx
      .insert(withdrawalSchedules)
      .values({ id: newId(), freelancerId, createdAt: now, ...values })
      .onConflictDoUpdate({ target: withdrawalSchedules.freelancerId, set: values })
      .returning();
    return row as WithdrawalSchedule;
  });
}

/** Stops the signed-in freelancer's schedule (nothing to stop is fine). */
export async function stopWithdrawalSchedule(ctx: Ctx): Promise<void> {
  const freelancerId = requireActor(ctx).userId;
  await ctx.db.delete(withdrawalSchedules).where(and(eq(withdrawalSchedules.freelancerId, freelancerId)));
}
