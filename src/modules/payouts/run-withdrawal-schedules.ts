import { asc, eq, lte } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import { HOUR } from '../../platform/clock.ts';
import type { Ctx } from '../../server/context.ts';
import type { ScheduledTask } from '../../server/module.ts';
import { freelancerAccount, getBalanceByKey } from '../ledger/accounts.ts';
import { moneyText, utcText } from './money-text.ts';
import { payoutMethodById } from './payout-method.ts';
import { payoutMethodTypes } from './payout-method-types.ts';
import { nextScheduledRun } from './schedule-dates.ts';
import { startWithdrawal } from './start-withdrawal.ts';
import { submitPayout } from './submit-payout.ts';
import { withdrawalSchedules } from './tables.ts';
import type { Withdrawal } from './withdrawal.ts';
import type { WithdrawalSchedule } from './withdrawal-schedule.ts';

/** The key of one scheduled run: a crash and a re-run make the same withdrawal, not a second. */
export const scheduledRunKey = (scheduleId: string, dueAt: Date) => `schedule:${scheduleId}:${dueAt.toISOString()}`;

/** Decides and starts one due run in the caller's transaction; returns the withdrawal, if any. */
async function runSchedule(
  tx: Tx,
  now: Date,
  schedule: WithdrawalSchedule,
): Promise<{ outcome: string; withdrawal: Withdrawal | null }> {
  const money = (cents: number) => moneyText(cents, schedule.currency);
  const method = await payoutMethodById(tx, schedule.payoutMethodId);
  if (method.removedAt) return { outcome: 'Skipped: the payout method was removed.', withdrawal: null };
  if (method.usableAt.getTime() > now.getTime()) {
    return { outcome: `Skipped: the payout method can be used from ${utcText(method.usableAt)}.`, withdrawal: null };
  }
  const available = await getBalanceByKey(tx, freelancerAccount(schedule.freelancerId, 'available', schedule.currency));
  if (available < schedule.thresholdCents || available === 0) {
    return {
      outcome: `Skipped: ${money(available)} available, below your ${money(schedule.thresholdCents)} threshold.`,
      withdrawal: null,
    };
  }
  const amount = available - schedule.leaveCents;
  const spec = payoutMethodTypes[method.type];
  if (amount < spec.minimumCents) {
    return {
      outcome: `Skipped: ${money(Math.max(0, amount))} is below the ${money(spec.minimumCents)} minimum for ${spec.label}.`,
      withdrawal: null,
    };
  }
  const withdrawal = await startWithdrawal(tx, now, {
    freelancerId: schedule.freelancerId,
    payoutMethodId: method.id,
    amountCents: amount,
    currency: schedule.currency,
    idempotencyKey: scheduledRunKey(schedule.id, schedule.nextRunAt),
    scheduleId: schedule.id,
  });
  return { outcome: `Withdrew ${money(amount)} to ${method.label}.`, withdrawal };
}

/**
 * Runs every withdrawal schedule that is due: withdraws the available balance less the amount to
 * leave, when it reaches the threshold and the method's minimum. A schedule missed while the
 * server was down runs once, not once per missed date. Returns how many withdrawals it started.
 */
export async function runWithdrawalSchedules(ctx: Ctx): Promise<number> {
  const now = ctx.clock.now();
  const due = await ctx.db
    .select({ id: withdrawalSchedules.id })
    .from(withdrawalSchedules)
    .where(lte(withdrawalSchedules.nextRunAt, now))
    .orderBy(asc(withdrawalSchedules.nextRunAt))
    .limit(200);
  let started = 0;
  for (const { id } of due) {
    try {
      const withdrawal = await ctx.tx(async (tx) => {
        const [schedule] = await tx
          .select()
          .from(withdrawalSchedules)
          .where(eq(withdrawalSchedules.id, id))
          .for('update');
        if (!schedule || schedule.nextRunAt.getTime() > now.getTime()) return null;
        const result = await runSchedule(tx, now, schedule);
        await tx
          .update(withdrawalSchedules)
          .set({ nextRunAt: nextScheduledRun(schedule.frequency, now), lastRunAt: now, lastOutcome: result.outcome })
          .where(eq(withdrawalSchedules.id, id));
        return result.withdrawal;
      });
      if (withdrawal) {
        started++;
        await submitPayout(ctx, withdrawal).catch((error: unknown) =>
          ctx.log.warn(
            { err: error, withdrawalId: withdrawal.id },
            'payout hand-over failed; process-payouts will retry',
          ),
        );
      }
    } catch (error) {
      // Money moved on between reading and withdrawing: the schedule is tried again next run.
      ctx.log.error({ err: error, scheduleId: id }, 'scheduled withdrawal failed');
    }
  }
  return started;
}

export const runWithdrawalSchedulesTask: ScheduledTask = {
  name: 'run-withdrawal-schedules',
  everyMs: HOUR,
  run: async (ctx) => ({ processed: await runWithdrawalSchedules(ctx) }),
};
