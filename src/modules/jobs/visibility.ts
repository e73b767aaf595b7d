import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { UUID } from './job-rows.ts';
import { jobInvitations, jobs } from './tables.ts';

/**
 * Rows a freelancer may see among jobs that are not drafts: public ones, and invite-only ones they
 * were invited to. Used by search and the feed so that hidden jobs are never even loaded.
 */
export function visibleToFreelancer(freelancerId: string): SQL {
  return sql`(${jobs.visibility} = 'public' or exists (
    select 1 from ${jobInvitations}
    where ${jobInvitations.jobId} = ${jobs.id} and ${jobInvitations.freelancerId} = ${freelancerId}))`;
}

export async function isInvited(executor: Executor, jobId: string, freelancerId: string): Promise<boolean> {
  const [row] = await executor
    .select({ id: jobInvitations.id })
    .from(jobInvitations)
    .where(and(eq(jobInvitations.jobId, jobId), eq(jobInvitations.freelancerId, freelancerId)));
  return Boolean(row);
}

/**
 * Whether a freelancer may see a job: it was published (open, or closed after being open) and is
 * public, or they were invited to it. Drafts are only ever seen by their client.
 */
export async function canFreelancerSeeJob(executor: Executor, jobId: string, freelancerId: string): Promise<boolean> {
  if (!UUID.test(jobId) || !UUID.test(freelancerId)) return false;
  const [row] = await executor
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        eq(jobs.id, jobId),
        sql`${jobs.firstPublishedAt} is not null and ${jobs.state} <> 'draft'`,
        visibleToFreelancer(freelancerId),
      ),
    );
  return Boolean(row);
}
