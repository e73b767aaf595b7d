import { eq } from 'drizzle-orm';
import type { Ctx } from '../../server/context.ts';
import { actingAsClient } from './access.ts';
import { type JobDetails, withDetails } from './job-details.ts';
import { type JobRow, jobColumns, lockOwnJob } from './job-rows.ts';
import type { JobState } from './limits.ts';
import { jobs } from './tables.ts';
import { notAllowedIn, transition } from './transitions.ts';

/**
 * Takes an open job back to draft. Refused once proposals exist: freelancers paid Connects to
 * apply, so the job stays open (or is closed, which returns their Connects).
 */
export async function unpublishJob(ctx: Ctx, jobId: string): Promise<JobDetails> {
  const actor = actingAsClient(ctx);
  const row = await ctx.tx(async (tx) => {
    const job = await lockOwnJob(tx, actor, jobId);
    const state = transition(job.state as JobState, 'unpublish');
    if (job.proposalsCount > 0) throw notAllowedIn('open', 'unpublish', 'it already has proposals; close it instead');
    const [row] = await tx
      .update(jobs)
      .set({ state, updatedAt: ctx.clock.now() })
      .where(eq(jobs.id, job.id))
      .returning(jobColumns);
    return row as JobRow;
  });
  return withDetails(ctx.db, row);
}
