import type { Connects, JobTerms } from '../../api/hiring-queries.ts';

/**
 * The Connects a proposal to a job costs, from the API's table (GET /api/connects): a fixed-price
 * job by its budget, an hourly one by the top of its rate range; the first tier it is under.
 */
export function connectsForJob(
  terms: Pick<JobTerms, 'type' | 'budgetCents' | 'hourlyMaxCents'>,
  table: Connects['proposalCost'],
): number {
  const value = terms.type === 'fixed' ? (terms.budgetCents ?? 0) : (terms.hourlyMaxCents ?? 0);
  const tiers = table[terms.type];
  const tier = tiers.find((candidate) => candidate.underCents === null || value < candidate.underCents);
  return tier?.connects ?? tiers.at(-1)?.connects ?? 0;
}
