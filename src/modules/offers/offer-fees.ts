import type { Executor } from '../../db/client.ts';
import {
  clientMarketplaceFee,
  type FeeSchedule,
  feeScheduleInForce,
  feeScheduleVersion,
  lifetimeBilledCents,
  splitPayment,
} from '../fees/index.ts';

export interface OfferFees {
  currency: string;
  scheduleVersion: number;
  basis: 'total' | 'hour';
  amountCents: number;
  client: { marketplaceFeeCents: number; totalCents: number };
  freelancer: { serviceFeeCents: number; netCents: number };
  weeklyLimit: { hours: number; clientMaxCents: number; freelancerMaxNetCents: number } | null;
}

type Terms =
  | { type: 'fixed'; totalCents: number }
  | { type: 'hourly'; hourlyRateCents: number; weeklyLimitHours: number };

/** Both sides' fees on an offer's terms, by one schedule version (the one the offer recorded). */
export async function offerFees(
  executor: Executor,
  input: { clientId: string; freelancerId: string; currency: string; terms: Terms; schedule: FeeSchedule },
): Promise<OfferFees> {
  const { schedule } = input;
  const priorBilledCents = await lifetimeBilledCents(executor, {
    freelancerId: input.freelancerId,
    clientId: input.clientId,
  });
  const both = (amountCents: number) => {
    const split = splitPayment({ grossCents: amountCents, priorBilledCents, schedule });
    const marketplaceFeeCents = clientMarketplaceFee(amountCents, schedule);
    return { split, marketplaceFeeCents };
  };
  const amountCents = input.terms.type === 'fixed' ? input.terms.totalCents : input.terms.hourlyRateCents;
  const { split, marketplaceFeeCents } = both(amountCents);
  let weeklyLimit: OfferFees['weeklyLimit'] = null;
  if (input.terms.type === 'hourly') {
    const week = both(input.terms.hourlyRateCents * input.terms.weeklyLimitHours);
    weeklyLimit = {
      hours: input.terms.weeklyLimitHours,
      clientMaxCents: week.split.grossCents + week.marketplaceFeeCents,
      freelancerMaxNetCents: week.split.netCents,
    };
  }
  return {
    currency: input.currency,
    scheduleVersion: schedule.version,
    basis: input.terms.type === 'fixed' ? 'total' : 'hour',
    amountCents,
    client: { marketplaceFeeCents, totalCents: amountCents + marketplaceFeeCents },
    freelancer: { serviceFeeCents: split.feeCents, netCents: split.netCents },
    weeklyLimit,
  };
}

/** The schedule an offer recorded, or the one in force if it was since removed (never expected). */
export async function scheduleForOffer(executor: Executor, version: number, now: Date): Promise<FeeSchedule> {
  return (await feeScheduleVersion(executor, version)) ?? feeScheduleInForce(executor, now);
}
