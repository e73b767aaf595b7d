import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import { invalidField } from '../../platform/errors.ts';
import type { Ctx } from '../../server/context.ts';
import { actingAsClient } from './access.ts';
import { type JobDetails, withDetails } from './job-details.ts';
import { announceJobClosed } from './job-events.ts';
import { type JobRow, jobColumns, lockOwnJob } from './job-rows.ts';
import type { CloseReason, JobState } from './limits.ts';
import type { CloseJobInput } from './schemas.ts';
import { jobs } from './tables.ts';
import { transition } from './transitions.ts';

/** Closes a locked job and tells the modules listening (proposals: Connects back when nobody was hired). */
export async function closeJobRow(
  tx: Tx,
  clock: Clock,
  job: JobRow,
  input: { reason: CloseReason; note: string | null },
): Promise<JobRow> {
  const state = transition(job.state as JobState, 'close');
  const now = clock.now();
  const [row] = await tx
    .update(jobs)
    .set({ state, closeReason: input.reason, closeNote: input.note, closedAt: now, updatedAt: now })
    .where(eq(jobs.id, job.id))
    .returning(jobColumns);
  const closed = row as JobRow;
  await announceJobClosed(tx, clock, {
    jobId: closed.id,
    clientId: closed.clientId,
    reason: input.reason,
    hires: closed.hiresCount,
    closedAt: now,
  });
  return closed;
}

/** POST /api/jobs/:id/close: cancelled (with a reason the client writes) or hired (only after a hire). */
export async function closeJob(ctx: Ctx, jobId: string, input: CloseJobInput): Promise<JobDetails> {
  const actor = actingAsClient(ctx);
  const row = await ctx.tx(async (tx) => {
    const job = await lockOwnJob(tx, actor, jobId);
    transition(job.state as JobState, 'close');
    if (input.reason === 'cancelled' && input.note.length === 0) {
      throw invalidField('note', 'Say why the job is cancelled; freelancers who applied will see it.');
    }
    if (input.reason === 'hired' && job.hiresCount === 0) {
      throw invalidField('reason', 'Nobody was hired for this job yet; close it as cancelled.');
    }
    return closeJobRow(tx, ctx.clock, job, { reason: input.reason, note: input.note || null });
  });
  return withDetails(ctx.db, row);
}
