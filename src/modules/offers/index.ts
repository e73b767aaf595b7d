/** What other modules use from offers. */

export { OFFER_STATES, type OfferState, offerLimits } from './limits.ts';
export { offersModule } from './module.ts';
