import { type Ctx, requireActor } from '../../server/context.ts';
import { findVisibleOffer } from './access.ts';
import { type OfferView, viewOffer } from './offer-view.ts';

/** GET /api/offers/:id: for the client who sent it and the freelancer it was sent to (and operators). */
export async function getOffer(ctx: Ctx, offerId: string): Promise<OfferView> {
  const actor = requireActor(ctx);
  return viewOffer(ctx.db, await findVisibleOffer(ctx.db, actor, offerId), ctx.clock.now());
}
