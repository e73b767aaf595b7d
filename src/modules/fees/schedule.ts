import { z } from 'zod';

/** Rates are integer basis points (1 bps = 0.01%) so that no money math ever uses floats. */
export const BASIS_POINTS = 10_000;

const RateBps = z.number().int().min(0).max(BASIS_POINTS);

export const FeeTierDefinition = z
  .object({
    /** Lifetime billings (between one freelancer and one client) where this tier ends; null: no end. */
    upToCents: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).nullable(),
    rateBps: RateBps,
  })
  .meta({ id: 'FeeTierDefinition' });

export const FreelancerServiceFeeDefinition = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('flat'), rateBps: RateBps }),
    z.object({ kind: z.literal('sliding'), tiers: z.array(FeeTierDefinition).min(1).max(10) }),
  ])
  .meta({ id: 'FreelancerServiceFeeDefinition' });

export const FeeScheduleDefinition = z
  .object({
    /** Tier bounds and flat fees are amounts in this currency. */
    currency: z.string().regex(/^[A-Z]{3}$/),
    freelancerServiceFee: FreelancerServiceFeeDefinition,
    /** Added on top of each payment a client makes to a freelancer. */
    clientMarketplaceFee: z.object({ rateBps: RateBps }),
    /** Charged once when a contract starts; 0 turns it off. */
    contractInitiationFee: z.object({ amountCents: z.number().int().min(0).max(100_000) }),
  })
  .superRefine((definition, issues) => {
    const fee = definition.freelancerServiceFee;
    if (fee.kind !== 'sliding') return;
    fee.tiers.forEach((tier, index) => {
      const isLast = index === fee.tiers.length - 1;
      const previous = fee.tiers[index - 1]?.upToCents ?? 0;
      if (isLast && tier.upToCents !== null) {
        issues.addIssue({
          code: 'custom',
          path: ['freelancerServiceFee', 'tiers', index, 'upToCents'],
          message: 'The last tier must have no upper bound (null).',
        });
      } else if (!isLast && (tier.upToCents === null || tier.upToCents <= previous)) {
        issues.addIssue({
          code: 'custom',
          path: ['freelancerServiceFee', 'tiers', index, 'upToCents'],
          message: 'Tier bounds must increase, and only the last tier may be open-ended.',
        });
      }
    });
  })
  .meta({ id: 'FeeScheduleDefinition' });

export type FeeScheduleDefinition = z.infer<typeof FeeScheduleDefinition>;

/** A schedule version as the fee functions use it. */
export interface FeeSchedule {
  version: number;
  effectiveFrom: Date;
  definition: FeeScheduleDefinition;
}

/**
 * Version 1, seeded by drizzle/*_fees_seed_schedule.sql (a test checks the two agree):
 * 20% of the first $500 billed between a freelancer and a client, 10% up to $10,000, 5% beyond;
 * 5% marketplace fee for the client; no contract-initiation fee.
 */
export const DEFAULT_FEE_SCHEDULE_DEFINITION: FeeScheduleDefinition = {
  currency: 'USD',
  freelancerServiceFee: {
    kind: 'sliding',
    tiers: [
      { upToCents: 50_000, rateBps: 2_000 },
      { upToCents: 1_000_000, rateBps: 1_000 },
      { upToCents: null, rateBps: 500 },
    ],
  },
  clientMarketplaceFee: { rateBps: 500 },
  contractInitiationFee: { amountCents: 0 },
};
