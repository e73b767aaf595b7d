import { DAY, HOUR } from '../../platform/clock.ts';
import { jobLimits } from '../jobs/index.ts';

/** Input limits for offers, shared by the request schemas and the services. */
export const offerLimits = {
  titleMin: 5,
  titleMax: 200,
  descriptionMin: 20,
  descriptionMax: 10_000,
  deliverablesMax: 20,
  deliverableTitleMin: 3,
  deliverableTitleMax: 200,
  acceptanceCriteriaMin: 10,
  acceptanceCriteriaMax: 2000,
  milestonesMin: 1,
  milestonesMax: 20,
  milestoneTitleMin: 3,
  milestoneTitleMax: 200,
  milestoneDescriptionMax: 2000,
  // $5: the smallest milestone the marketplace accepts.
  milestoneMinCents: 500,
  totalMaxCents: jobLimits.budgetMaxCents,
  hourlyRateMinCents: jobLimits.hourlyMinCents,
  hourlyRateMaxCents: jobLimits.hourlyMaxCents,
  weeklyLimitMin: 1,
  weeklyLimitMax: 80,
  messageMax: 5000,
  declineReasonMax: 1000,
  /** An offer waits 7 days for an answer unless the client says otherwise (1 hour to 30 days). */
  defaultExpiryMs: 7 * DAY,
  minExpiryMs: HOUR,
  maxExpiryMs: 30 * DAY,
} as const;

export const OFFER_STATES = ['pending', 'accepted', 'declined', 'withdrawn', 'expired'] as const;
export type OfferState = (typeof OFFER_STATES)[number];
