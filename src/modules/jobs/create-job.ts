import { newId } from '../../platform/ids.ts';
import type { Ctx } from '../../server/context.ts';
import { actingAsClient } from './access.ts';
import { type JobDetails, withDetails } from './job-details.ts';
import { resolveJobFields } from './job-fields.ts';
import { setJobAttachments } from './job-files.ts';
import { type JobRow, jobColumns } from './job-rows.ts';
import { publishJobRow } from './publish-job.ts';
import type { CreateJobInput } from './schemas.ts';
import { jobs } from './tables.ts';

/** POST /api/jobs: saves a draft, or publishes it at once with `publish: true`. */
export async function createJob(ctx: Ctx, input: CreateJobInput): Promise<JobDetails> {
  const actor = actingAsClient(ctx);
  const { publish, ...values } = input;
  const row = await ctx.tx(async (tx) => {
    const fields = await resolveJobFields(tx, values);
    const now = ctx.clock.now();
    const id = newId();
    const [row] = await tx
      .insert(jobs)
      .values({ id, clientId: actor.userId, state: 'draft', ...fields, createdAt: now, updatedAt: now })
      .returning(jobColumns);
    const draft = row as JobRow;
    await setJobAttachments(tx, { jobId: id, clientId: actor.userId, fileIds: fields.attachmentIds, replacing: false });
    return publish ? publishJobRow(tx, ctx.clock, draft) : draft;
  });
  return withDetails(ctx.db, row);
}
