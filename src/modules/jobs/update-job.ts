import { isDeepStrictEqual } from 'node:util';
import { eq } from 'drizzle-orm';
import { newId } from '../../platform/ids.ts';
import type { Ctx } from '../../server/context.ts';
import { actingAsClient } from './access.ts';
import { type JobDetails, withDetails } from './job-details.ts';
import { editableFields, type JobFieldValues, resolveJobFields } from './job-fields.ts';
import { setJobAttachments } from './job-files.ts';
import { type JobRow, jobColumns, lockOwnJob } from './job-rows.ts';
import type { ExperienceLevel, JobDuration, JobState, JobType, Visibility } from './limits.ts';
import type { UpdateJobInput } from './schemas.ts';
import { jobEdits, jobs } from './tables.ts';
import { transition } from './transitions.ts';

export function fieldValuesOf(job: JobRow): JobFieldValues {
  return {
    title: job.title,
    description: job.description,
    deliverables: job.deliverables,
    categoryId: job.categoryId,
    skillIds: job.skillIds,
    type: job.type as JobType,
    currency: job.currency,
    budgetCents: job.budgetCents,
    hourlyMinCents: job.hourlyMinCents,
    hourlyMaxCents: job.hourlyMaxCents,
    hoursPerWeek: job.hoursPerWeek,
    duration: job.duration as JobDuration | null,
    experienceLevel: job.experienceLevel as ExperienceLevel,
    visibility: job.visibility as Visibility,
    screeningQuestions: job.screeningQuestions,
    attachmentIds: job.attachmentIds,
  };
}

/**
 * PATCH /api/jobs/:id: changes a draft or open job. Every change to an open job is appended to
 * its edit history (who, when, each field before and after), since freelancers may already have
 * applied to what it said before.
 */
export async function updateJob(ctx: Ctx, jobId: string, patch: UpdateJobInput): Promise<JobDetails> {
  const actor = actingAsClient(ctx);
  const row = await ctx.tx(async (tx) => {
    const job = await lockOwnJob(tx, actor, jobId);
    transition(job.state as JobState, 'edit');
    const before = fieldValuesOf(job);
    const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    const after = await resolveJobFields(tx, { ...before, ...defined });
    const changes = editableFields
      .filter((field) => !isDeepStrictEqual(before[field], after[field]))
      .map((field) => ({ field, before: before[field], after: after[field] }));
    if (changes.length === 0) return job;

    const now = ctx.clock.now();
    if (changes.some((change) => change.field === 'attachmentIds')) {
      await setJobAttachments(tx, { jobId, clientId: actor.userId, fileIds: after.attachmentIds, replacing: true });
    }
    if (job.state === 'open') {
      await tx.insert(jobEdits).values({ id: newId(), jobId, editedBy: actor.userId, editedAt: now, changes });
    }
    const [row] = await tx
      .update(jobs)
      .set({ ...after, updatedAt: now })
      .where(eq(jobs.id, jobId))
      .returning(jobColumns);
    return row as JobRow;
  });
  return withDetails(ctx.db, row);
}
