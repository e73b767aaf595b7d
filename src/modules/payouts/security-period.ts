import { DAY } from '../../platform/clock.ts';
import type { EarningKind } from './tables.ts';

/**
 * How long earnings stay pending before they can be withdrawn: the window in which a charge-back,
 * refund or dispute can still take them back. 5 days after the money is released, for every kind,
 * as marketplaces like Upwork do for fixed-price payments. (For hourly work the contracts issue
 * releases a billing week after its review period, so this is the time after that.)
 */
export const securityPeriodMs: Record<EarningKind, number> = {
  fixed_price: 5 * DAY,
  hourly: 5 * DAY,
  bonus: 5 * DAY,
  other: 5 * DAY,
};

export const EARNING_KINDS = Object.keys(securityPeriodMs) as EarningKind[];

/** When an earning credited at `creditedAt` becomes available. */
export function availableAtFor(kind: EarningKind, creditedAt: Date): Date {
  return new Date(creditedAt.getTime() + securityPeriodMs[kind]);
}
