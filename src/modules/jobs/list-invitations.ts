import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../server/context.ts';
import { getClientSummaries } from '../profiles/summaries.ts';
import { actingAsFreelancer } from './access.ts';
import { decodeTimeCursor, encodeTimeCursor } from './cursor.ts';
import { type JobRow, jobColumns } from './job-rows.ts';
import { jobInvitations, jobs } from './tables.ts';

export interface InvitationView {
  id: string;
  job: JobRow;
  freelancerId: string;
  client: { userId: string; name: string };
  message: string;
  createdAt: Date;
}

/** GET /api/invitations: the freelancer's invitations to jobs, newest first. */
export async function listInvitations(
  ctx: Ctx,
  input: { cursor?: string | undefined; limit: number },
): Promise<{ items: InvitationView[]; nextCursor: string | null }> {
  const actor = actingAsFreelancer(ctx);
  const after = input.cursor ? decodeTimeCursor(input.cursor) : null;
  const mine = eq(jobInvitations.freelancerId, actor.userId);
  const rows = await ctx.db
    .select({ invitation: jobInvitations, job: jobColumns })
    .from(jobInvitations)
    .innerJoin(jobs, eq(jobs.id, jobInvitations.jobId))
    .where(
      after ? and(mine, sql`(${jobInvitations.createdAt}, ${jobInvitations.id}) < (${after.at}, ${after.id})`) : mine,
    )
    .orderBy(desc(jobInvitations.createdAt), desc(jobInvitations.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const items = await withClientNames(
    ctx.db,
    page.map(({ invitation, job }) => ({ invitation, job: job as JobRow })),
  );
  const last = page.at(-1);
  return {
    items,
    nextCursor:
      rows.length > input.limit && last ? encodeTimeCursor(last.invitation.createdAt, last.invitation.id) : null,
  };
}

async function withClientNames(
  executor: Executor,
  rows: { invitation: typeof jobInvitations.$inferSelect; job: JobRow }[],
): Promise<InvitationView[]> {
  const clients = await getClientSummaries(
    executor,
    rows.map((row) => row.job.clientId),
  );
  return rows.map(({ invitation, job }) => ({
    id: invitation.id,
    job,
    freelancerId: invitation.freelancerId,
    client: { userId: job.clientId, name: clients.get(job.clientId)?.name ?? 'Client' },
    message: invitation.message,
    createdAt: invitation.createdAt,
  }));
}
