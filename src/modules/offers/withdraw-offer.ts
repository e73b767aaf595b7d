import type { Ctx } from '../../server/context.ts';
import { notify } from '../notifications/notify.ts';
import { actingAsClient, lockOfferAs } from './access.ts';
import { closeOffer } from './close-offer.ts';
import { type OfferView, viewOffer } from './offer-view.ts';

/** POST /api/offers/:id/withdraw: the client takes a pending offer back; its funding returns to their funds. */
export async function withdrawOffer(ctx: Ctx, offerId: string): Promise<OfferView> {
  const actor = actingAsClient(ctx);
  const row = await ctx.tx(async (tx) => {
    const offer = await lockOfferAs(tx, actor, offerId, 'client');
    const withdrawn = await closeOffer(tx, ctx.clock, offer, { action: 'withdraw', by: 'client' });
    await notify(tx, ctx.clock, {
      userId: offer.freelancerId,
      kind: 'offer.withdrawn',
      title: `An offer was withdrawn: ${offer.title}`,
      link: `/offers/${offer.id}`,
    });
    return withdrawn;
  });
  return viewOffer(ctx.db, row, ctx.clock.now());
}
