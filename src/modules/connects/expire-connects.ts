import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { Ctx } from '../../server/context.ts';
import type { ScheduledTask } from '../../server/module.ts';
import { connectsAccount, connectsPoolAccount } from '../ledger/accounts.ts';
import { postTransfer } from '../ledger/post-transfer.ts';
import { recordEntry } from './entries.ts';
import { connectsLots } from './tables.ts';

const BATCH = 200;

/**
 * Takes back what is left of every lot past its expiry: one ledger transfer per lot (keyed by the
 * lot, so a lot expires once), the lot emptied in the same transaction. Lots are re-read under a
 * lock, so a proposal spending from the same lot at the same moment is never counted twice.
 */
export async function expireConnects(ctx: Ctx): Promise<{ processed: number }> {
  const now = ctx.clock.now();
  let processed = 0;
  for (;;) {
    const due = await ctx.db
      .select({ id: connectsLots.id })
      .from(connectsLots)
      .where(and(gt(connectsLots.remaining, 0), lte(connectsLots.expiresAt, now)))
      .orderBy(asc(connectsLots.expiresAt))
      .limit(BATCH);
    for (const { id } of due) {
      const expired = await ctx.tx(async (tx) => {
        const [lot] = await tx.select().from(connectsLots).where(eq(connectsLots.id, id)).for('update');
        if (!lot || lot.remaining === 0) return false;
        const memo = `${lot.remaining} Connects expired (granted ${lot.grantedAt.toISOString().slice(0, 10)})`;
        const transfer = await postTransfer(tx, {
          idempotencyKey: `connects:expire:${lot.id}`,
          reason: 'connects.expire',
          refs: { userId: lot.userId, extra: { lotId: lot.id } },
          memo,
          at: now,
          postings: [
            { account: connectsAccount(lot.userId), amountCents: -lot.remaining },
            { account: connectsPoolAccount(), amountCents: lot.remaining },
          ],
        });
        await tx.update(connectsLots).set({ remaining: 0, expiredAt: now }).where(eq(connectsLots.id, lot.id));
        await recordEntry(tx, {
          userId: lot.userId,
          kind: 'expire',
          amount: -lot.remaining,
          transferId: transfer.id,
          memo,
          at: now,
          lotId: lot.id,
        });
        return true;
      });
      if (expired) processed += 1;
    }
    if (due.length < BATCH) return { processed };
  }
}

export const expireConnectsTask: ScheduledTask = {
  name: 'connects.expire',
  everyMs: 60 * 60_000,
  run: expireConnects,
};
