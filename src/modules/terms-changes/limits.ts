import { offerLimits } from '../offers/index.ts';

/** Terms changes follow the limits of the offer the terms came from. */
export const termsLimits = {
  titleMin: offerLimits.titleMin,
  titleMax: offerLimits.titleMax,
  descriptionMin: offerLimits.descriptionMin,
  descriptionMax: offerLimits.descriptionMax,
  deliverablesMax: offerLimits.deliverablesMax,
  deliverableTitleMin: offerLimits.deliverableTitleMin,
  deliverableTitleMax: offerLimits.deliverableTitleMax,
  acceptanceCriteriaMin: offerLimits.acceptanceCriteriaMin,
  acceptanceCriteriaMax: offerLimits.acceptanceCriteriaMax,
  milestoneTitleMin: offerLimits.milestoneTitleMin,
  milestoneTitleMax: offerLimits.milestoneTitleMax,
  milestoneDescriptionMax: offerLimits.milestoneDescriptionMax,
  milestoneMinCents: offerLimits.milestoneMinCents,
  milestoneMaxCents: offerLimits.totalMaxCents,
  /** More than an offer allows (20): changes may add milestones over a long contract. */
  milestonesMax: 50,
  changesPerRequestMax: 20,
  noteMax: 2000,
  declineReasonMax: 1000,
} as const;
