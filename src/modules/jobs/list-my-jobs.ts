import { and, desc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../server/context.ts';
import { actingAsClient } from './access.ts';
import { decodeTimeCursor, encodeTimeCursor } from './cursor.ts';
import { type JobRow, jobColumns } from './job-rows.ts';
import { jobs } from './tables.ts';

/** GET /api/my/jobs: the client's jobs in every state, newest first, with their counters. */
export async function listMyJobs(
  ctx: Ctx,
  input: { cursor?: string | undefined; limit: number },
): Promise<{ items: JobRow[]; nextCursor: string | null }> {
  const actor = actingAsClient(ctx);
  const after = input.cursor ? decodeTimeCursor(input.cursor) : null;
  const mine = eq(jobs.clientId, actor.userId);
  const rows = (await ctx.db
    .select(jobColumns)
    .from(jobs)
    .where(after ? and(mine, sql`(${jobs.createdAt}, ${jobs.id}) < (${after.at}, ${after.id})`) : mine)
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(input.limit + 1)) as JobRow[];
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? encodeTimeCursor(last.createdAt, last.id) : null };
}
