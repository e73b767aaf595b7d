import { and, asc, eq, isNull, lte, or } from 'drizzle-orm';
import { MINUTE } from '../../platform/clock.ts';
import type { Ctx } from '../../server/context.ts';
import type { ScheduledTask } from '../../server/module.ts';
import { submitPayout } from './submit-payout.ts';
import { withdrawals } from './tables.ts';

const BATCH = 200;

/**
 * Submits in-flight withdrawals the processor has not seen (a crash between commit and hand-over)
 * and settles those due by now. Returns how many it settled.
 */
export async function processPayouts(ctx: Ctx): Promise<number> {
  const due = await ctx.db
    .select()
    .from(withdrawals)
    .where(
      and(
        eq(withdrawals.state, 'in_flight'),
        or(isNull(withdrawals.processorPayoutId), lte(withdrawals.expectedAt, ctx.clock.now())),
      ),
    )
    .orderBy(asc(withdrawals.expectedAt))
    .limit(BATCH);
  let settled = 0;
  for (const withdrawal of due) {
    try {
      const result = await submitPayout(ctx, withdrawal);
      if (result.state !== 'in_flight') settled++;
    } catch (error) {
      // One bad payout must not hold up the others; it is tried again on the next run.
      ctx.log.error({ err: error, withdrawalId: withdrawal.id }, 'could not process payout');
    }
  }
  return settled;
}

export const processPayoutsTask: ScheduledTask = {
  name: 'process-payouts',
  everyMs: 10 * MINUTE,
  run: async (ctx) => ({ processed: await processPayouts(ctx) }),
};
