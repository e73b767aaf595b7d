import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Ctx } from '../../server/context.ts';
import { actingAsClient } from './access.ts';
import { refreshClientFacts } from './client-facts.ts';
import { type JobDetails, withDetails } from './job-details.ts';
import { type JobRow, jobColumns, lockOwnJob } from './job-rows.ts';
import type { JobState } from './limits.ts';
import { jobs } from './tables.ts';
import { transition } from './transitions.ts';

/** Opens a (locked) draft to freelancers; saved searches pick it up from `published_at`. */
export async function publishJobRow(tx: Tx, clock: Clock, job: JobRow): Promise<JobRow> {
  const state = transition(job.state as JobState, 'publish');
  const now = clock.now();
  const [row] = await tx
    .update(jobs)
    .set({
      state,
      publishedAt: now,
      publishSeq: sql`nextval('job_publish_seq')`,
      firstPublishedAt: job.firstPublishedAt ?? now,
      updatedAt: now,
    })
    .where(eq(jobs.id, job.id))
    .returning(jobColumns);
  await refreshClientFacts(tx, [job.clientId]);
  return row as JobRow;
}

/** POST /api/jobs/:id/publish */
export async function publishJob(ctx: Ctx, jobId: string): Promise<JobDetails> {
  const actor = actingAsClient(ctx);
  const row = await ctx.tx(async (tx) => publishJobRow(tx, ctx.clock, await lockOwnJob(tx, actor, jobId)));
  return withDetails(ctx.db, row);
}
