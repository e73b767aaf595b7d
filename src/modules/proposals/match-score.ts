import type { JobForHiring } from '../jobs/index.ts';

/**
 * How well a proposal fits its job, 0..100, for the client's "best match" sort: up to 80 for the
 * share of the job's skills the freelancer lists, up to 20 for a bid within the job's budget or
 * rate range (10 when within a quarter above it).
 */
export function matchScore(
  job: Pick<JobForHiring, 'skills' | 'type' | 'budgetCents' | 'hourlyMaxCents'>,
  freelancerSkillIds: string[],
  bidCents: number,
): number {
  const mine = new Set(freelancerSkillIds);
  const overlap = job.skills.filter((skill) => mine.has(skill.id)).length;
  const skillPart = job.skills.length === 0 ? 0 : Math.round((80 * overlap) / job.skills.length);
  const ceiling = job.type === 'fixed' ? job.budgetCents : job.hourlyMaxCents;
  let ratePart = 0;
  if (ceiling === null || bidCents <= ceiling) ratePart = 20;
  else if (bidCents * 4 <= ceiling * 5) ratePart = 10;
  return skillPart + ratePart;
}
