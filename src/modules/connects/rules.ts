import type { JobForHiring } from '../jobs/index.ts';

/*
 * Connects rules as data (Upwork's numbers where it publishes them). Changing a number here
 * changes the product; nothing else hard-codes them.
 */
export const connectsRules = {
  /** Free Connects every freelancer gets each calendar month (UTC). */
  monthlyGrant: 10,
  /** Bundle sizes a freelancer can buy. */
  bundles: [10, 20, 40, 60, 80] as const,
  /** $0.15 per Connect. */
  priceCentsEach: 15,
  priceCurrency: 'USD',
  /** Connects expire one year after they were granted or bought. */
  lifetimeYears: 1,
  /**
   * What a proposal costs, by the job's value: a fixed-price job by its budget, an hourly job by
   * the top of its rate range. The first tier whose bound the value is under applies.
   *
   * | fixed budget        | hourly rate (max)  | Connects |
   * |---------------------|--------------------|----------|
   * | under $500          | under $25/h        | 2        |
   * | $500 to $2,499      | $25 to $49/h       | 4        |
   * | $2,500 to $9,999    | $50 to $99/h       | 6        |
   * | $10,000 and more    | $100/h and more    | 8        |
   */
  proposalCost: {
    fixed: [
      { underCents: 50_000, connects: 2 },
      { underCents: 250_000, connects: 4 },
      { underCents: 1_000_000, connects: 6 },
      { underCents: null, connects: 8 },
    ],
    hourly: [
      { underCents: 2_500, connects: 2 },
      { underCents: 5_000, connects: 4 },
      { underCents: 10_000, connects: 6 },
      { underCents: null, connects: 8 },
    ],
  },
} as const;

export type ConnectsBundle = (typeof connectsRules.bundles)[number];

type Tier = { underCents: number | null; connects: number };

/** The Connects a proposal to this job costs (before the invitation discount, which makes it free). */
export function connectsForJob(job: Pick<JobForHiring, 'type' | 'budgetCents' | 'hourlyMaxCents'>): number {
  const value = job.type === 'fixed' ? (job.budgetCents ?? 0) : (job.hourlyMaxCents ?? 0);
  const tiers: readonly Tier[] = connectsRules.proposalCost[job.type];
  const tier = tiers.find((candidate) => candidate.underCents === null || value < candidate.underCents);
  return tier?.connects ?? 8;
}

/** One year after `at` (same calendar day and time, UTC). */
export function expiryOf(at: Date): Date {
  const expires = new Date(at.getTime());
  expires.setUTCFullYear(expires.getUTCFullYear() + connectsRules.lifetimeYears);
  return expires;
}

/** "2026-11": the month a monthly grant belongs to. */
export function grantMonth(at: Date): string {
  return at.toISOString().slice(0, 7);
}
