import { and, asc, eq, lte } from 'drizzle-orm';
import { MINUTE } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { Ctx } from '../../server/context.ts';
import type { ScheduledTask } from '../../server/module.ts';
import { clearEarnings } from '../ledger/movements.ts';
import { postTransfer } from '../ledger/post-transfer.ts';
import { notify } from '../notifications/notify.ts';
import { moneyText } from './money-text.ts';
import { earnings } from './tables.ts';

const BATCH = 500;

export const earningReleaseKey = (earningId: string) => `earning:${earningId}:release`;

/**
 * Moves every earning whose security period has ended from pending to available, one transaction
 * each (the row locked, so two runs cannot release it twice; the ledger key would refuse anyway).
 * An earning whose money is no longer pending (taken back by a refund or dispute) stays pending
 * and is logged for an operator. Returns how many were released.
 */
export async function releasePendingEarnings(ctx: Ctx): Promise<number> {
  const now = ctx.clock.now();
  const due = await ctx.db
    .select({ id: earnings.id })
    .from(earnings)
    .where(and(eq(earnings.state, 'pending'), lte(earnings.availableAt, now)))
    .orderBy(asc(earnings.availableAt))
    .limit(BATCH);
  let released = 0;
  for (const { id } of due) {
    try {
      const done = await ctx.tx(async (tx) => {
        const [earning] = await tx.select().from(earnings).where(eq(earnings.id, id)).for('update');
        if (earning?.state !== 'pending') return false;
        const transfer = await postTransfer(
          tx,
          clearEarnings({
            idempotencyKey: earningReleaseKey(earning.id),
            at: now,
            freelancerId: earning.freelancerId,
            currency: earning.currency,
            amountCents: earning.amountCents,
            memo: `Security period ended: ${earning.description}`,
            refs: {
              contractId: earning.contractId ?? undefined,
              userId: earning.freelancerId,
              extra: { earningId: earning.id, description: earning.description },
            },
          }),
        );
        await tx
          .update(earnings)
          .set({ state: 'available', releaseTransferId: transfer.id, releasedAt: now })
          .where(eq(earnings.id, earning.id));
        await notify(tx, ctx.clock, {
          userId: earning.freelancerId,
          kind: 'payouts.earning_available',
          title: `${moneyText(earning.amountCents, earning.currency)} is now available to withdraw`,
          body: earning.description,
          link: '/earnings',
        });
        return true;
      });
      if (done) released++;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'insufficient_funds')) throw error;
      ctx.log.warn({ earningId: id }, 'earning not released: its money is no longer in the pending balance');
    }
  }
  return released;
}

export const releasePendingEarningsTask: ScheduledTask = {
  name: 'release-pending-earnings',
  everyMs: 10 * MINUTE,
  run: async (ctx) => ({ processed: await releasePendingEarnings(ctx) }),
};
