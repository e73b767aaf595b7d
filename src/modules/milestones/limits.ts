import { DAY } from '../../platform/clock.ts';

/** 14 days: Upwork's auto-approval window for submitted fixed-price work. */
export const AUTO_APPROVE_AFTER_MS = 14 * DAY;

/** 7 days for the freelancer to answer an end with money in escrow; silence refunds the client. */
export const END_RESPONSE_WINDOW_MS = 7 * DAY;

/** 180 days: how long after a payment the freelancer can still refund it. */
export const REFUND_WINDOW_MS = 180 * DAY;

export const lifecycleLimits = {
  messageMax: 5_000,
  noteMax: 2_000,
  reasonMax: 2_000,
  filesMax: 10,
  criterionMax: 1_000,
  deliverablesMax: 50,
  /** $1 to $10,000 per bonus. */
  bonusMinCents: 100,
  bonusMaxCents: 1_000_000,
} as const;
