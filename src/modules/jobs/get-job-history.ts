import { asc, eq } from 'drizzle-orm';
import { notFound } from '../../platform/errors.ts';
import { type Ctx, hasRole, requireActor } from '../../server/context.ts';
import { getPublicUsers } from '../accounts/public-users.ts';
import { findJob } from './job-rows.ts';
import { jobEdits } from './tables.ts';

export interface JobEditView {
  id: string;
  editedBy: { userId: string; name: string };
  editedAt: Date;
  changes: { field: string; before: unknown; after: unknown }[];
}

/** GET /api/jobs/:id/history: the edits made while the job was open, oldest first (owner and operators). */
export async function getJobHistory(ctx: Ctx, jobId: string): Promise<JobEditView[]> {
  const actor = requireActor(ctx);
  const job = await findJob(ctx.db, jobId);
  if (!job || !(job.clientId === actor.userId || hasRole(actor, 'operator'))) throw notFound('Job');
  const rows = await ctx.db
    .select()
    .from(jobEdits)
    .where(eq(jobEdits.jobId, job.id))
    .orderBy(asc(jobEdits.editedAt), asc(jobEdits.id));
  const editors = await getPublicUsers(
    ctx.db,
    rows.map((row) => row.editedBy),
  );
  return rows.map((row) => ({
    id: row.id,
    editedBy: { userId: row.editedBy, name: editors.get(row.editedBy)?.displayName ?? 'Unknown' },
    editedAt: row.editedAt,
    changes: row.changes,
  }));
}
