import type { Ctx } from '../../server/context.ts';
import { notify } from '../notifications/notify.ts';
import { actingAsFreelancer, lockOfferAs } from './access.ts';
import { closeOffer } from './close-offer.ts';
import { type OfferView, viewOffer } from './offer-view.ts';

/** POST /api/offers/:id/decline: the freelancer declines, with a reason; any funding returns to the client. */
export async function declineOffer(ctx: Ctx, offerId: string, input: { reason: string }): Promise<OfferView> {
  const actor = actingAsFreelancer(ctx);
  const row = await ctx.tx(async (tx) => {
    const offer = await lockOfferAs(tx, actor, offerId, 'freelancer');
    const declined = await closeOffer(tx, ctx.clock, offer, {
      action: 'decline',
      by: 'freelancer',
      declineReason: input.reason,
    });
    await notify(tx, ctx.clock, {
      userId: offer.clientId,
      kind: 'offer.declined',
      title: `Your offer was declined: ${offer.title}`,
      body: input.reason,
      link: `/offers/${offer.id}`,
    });
    return declined;
  });
  return viewOffer(ctx.db, row, ctx.clock.now());
}
