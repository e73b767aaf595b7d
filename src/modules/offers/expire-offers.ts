import { and, asc, eq, lte } from 'drizzle-orm';
import type { Ctx } from '../../server/context.ts';
import type { ScheduledTask } from '../../server/module.ts';
import { notify } from '../notifications/notify.ts';
import { closeOffer } from './close-offer.ts';
import { offers } from './tables.ts';

const BATCH = 100;

/** Expires pending offers past their expiry, returning their funding; each in its own transaction. */
export async function expireOffers(ctx: Ctx): Promise<{ processed: number }> {
  const now = ctx.clock.now();
  let processed = 0;
  for (;;) {
    const due = await ctx.db
      .select({ id: offers.id })
      .from(offers)
      .where(and(eq(offers.state, 'pending'), lte(offers.expiresAt, now)))
      .orderBy(asc(offers.expiresAt))
      .limit(BATCH);
    for (const { id } of due) {
      const expired = await ctx.tx(async (tx) => {
        const [offer] = await tx.select().from(offers).where(eq(offers.id, id)).for('update');
        // Accepted or answered meanwhile: nothing to do.
        if (offer?.state !== 'pending' || offer.expiresAt > now) return false;
        await closeOffer(tx, ctx.clock, offer, { action: 'expire', by: 'system' });
        for (const userId of [offer.clientId, offer.freelancerId]) {
          await notify(tx, ctx.clock, {
            userId,
            kind: 'offer.expired',
            title: `An offer expired without an answer: ${offer.title}`,
            link: `/offers/${offer.id}`,
          });
        }
        return true;
      });
      if (expired) processed += 1;
    }
    if (due.length < BATCH) return { processed };
  }
}

export const expireOffersTask: ScheduledTask = {
  name: 'offers.expire',
  everyMs: 15 * 60_000,
  run: expireOffers,
};
