import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { notFound } from '../../platform/errors.ts';
import type { Ctx } from '../../server/context.ts';
import { getJobForHiring } from '../jobs/index.ts';
import { actingAsClient, actingAsFreelancer } from './access.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import type { ProposalState } from './limits.ts';
import { type ProposalRow, type ProposalView, viewProposals } from './proposal-view.ts';
import type { ProposalSort } from './schemas.ts';
import { proposals } from './tables.ts';

export interface ProposalPage {
  items: ProposalView[];
  nextCursor: string | null;
}

const sorts = {
  newest: { column: proposals.createdAt, direction: 'desc', value: (row: ProposalRow) => row.createdAt },
  bid_low: { column: proposals.bidCents, direction: 'asc', value: (row: ProposalRow) => row.bidCents },
  bid_high: { column: proposals.bidCents, direction: 'desc', value: (row: ProposalRow) => row.bidCents },
  best_match: { column: proposals.matchScore, direction: 'desc', value: (row: ProposalRow) => row.matchScore },
} as const;

async function page(
  ctx: Ctx,
  viewerId: string,
  scope: SQL,
  input: { sort: ProposalSort; state?: ProposalState | undefined; cursor?: string | undefined; limit: number },
): Promise<ProposalPage> {
  const sort = sorts[input.sort];
  const conditions = [scope];
  if (input.state) conditions.push(eq(proposals.state, input.state));
  if (input.cursor) {
    const after = decodeCursor(input.cursor);
    const op = sql.raw(sort.direction === 'desc' ? '<' : '>');
    conditions.push(sql`(${sort.column}, ${proposals.id}) ${op} (${after.value}, ${after.id})`);
  }
  const order =
    sort.direction === 'desc' ? [desc(sort.column), desc(proposals.id)] : [asc(sort.column), asc(proposals.id)];
  const rows = await ctx.db
    .select()
    .from(proposals)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return {
    items: await viewProposals(ctx.db, items, { userId: viewerId, now: ctx.clock.now() }),
    nextCursor: rows.length > input.limit && last ? encodeCursor(sort.value(last), last.id) : null,
  };
}

/** GET /api/proposals/mine: the freelancer's proposals, newest first. */
export async function listMyProposals(
  ctx: Ctx,
  input: { state?: ProposalState | undefined; cursor?: string | undefined; limit: number },
): Promise<ProposalPage> {
  const actor = actingAsFreelancer(ctx);
  return page(ctx, actor.userId, eq(proposals.freelancerId, actor.userId), { ...input, sort: 'newest' });
}

/** GET /api/jobs/:jobId/proposals: the job owner's view, sorted and filtered; anyone else's job is a 404. */
export async function listJobProposals(
  ctx: Ctx,
  jobId: string,
  input: { sort: ProposalSort; state?: ProposalState | undefined; cursor?: string | undefined; limit: number },
): Promise<ProposalPage> {
  const actor = actingAsClient(ctx);
  const job = await getJobForHiring(ctx.db, jobId);
  if (!job || job.clientId !== actor.userId) throw notFound('Job');
  // Scoped by the client column too: rows of other clients are never loaded.
  return page(ctx, actor.userId, and(eq(proposals.jobId, jobId), eq(proposals.clientId, actor.userId)) as SQL, input);
}
