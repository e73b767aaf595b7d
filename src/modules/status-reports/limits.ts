export const reportLimits = {
  plansMax: 5000,
  blockersMax: 5000,
  /** A report names each milestone at most once; contracts have at most 20 milestones, plus added ones. */
  progressMax: 50,
} as const;

/** A milestone marked this complete in a report is submitted for approval. */
export const COMPLETE_PERCENT = 100;
