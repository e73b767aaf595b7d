import type { Executor } from '../../db/client.ts';
import { queryDirect } from '../../db/driver-query.ts';
import { AppError } from '../../platform/errors.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { searchFilters } from './search-filters.ts';
import type { JobSearchQueryInput } from './search-params.ts';
import {
  buildSearchQuery,
  decodeSearchCursor,
  encodeSearchCursor,
  RELEVANCE_WINDOW,
  readSearchRows,
  type SearchMode,
  type SearchPlan,
  type SearchPosition,
  type SearchRow,
  type SearchSort,
} from './search-query.ts';
import { type CategoryRef, taxonomyIndex, unknownCategory } from './taxonomy-index.ts';

/** Fewer full-text matches than this on a first page, and near misses by trigram are added. */
const FUZZY_BELOW = 3;

export interface JobSearchHit {
  row: SearchRow;
  category: CategoryRef;
}

export interface JobSearchPage {
  items: JobSearchHit[];
  nextCursor: string | null;
  mode: SearchMode;
  sort: SearchSort;
}

/** Runs a planned search page: the rows and where the next page starts. */
export async function runSearchPlan(
  executor: Executor,
  plan: SearchPlan,
  limit: number,
): Promise<{ rows: SearchRow[]; next: SearchPosition | null }> {
  const rows = readSearchRows(await queryDirect(executor, buildSearchQuery({ ...plan, fetch: limit + 1 })));
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  if (rows.length <= limit || !last) return { rows: page, next: null };
  const first = page[0];
  const windowFull = first?.window_total === (plan.window ?? RELEVANCE_WINDOW);
  return {
    rows: page,
    next: {
      mode: plan.mode,
      sort: plan.sort,
      at: last.published_at,
      id: last.id,
      seq: last.publish_seq,
      rankKey: last.rank_key,
      edgeSeq: plan.after ? plan.after.edgeSeq : windowFull ? (first?.edge_seq ?? null) : null,
    },
  };
}

/**
 * GET /api/jobs/search: open jobs the caller may see, by words (stemmed full-text search, with
 * trigram near misses when the words find little) and filters, by relevance or newest first,
 * one keyset page at a time.
 */
export async function searchJobs(ctx: Ctx, query: JobSearchQueryInput): Promise<JobSearchPage> {
  const actor = requireActor(ctx);
  const q = query.q ? query.q : null;
  const after = query.cursor ? decodeSearchCursor(query.cursor) : null;
  const sort: SearchSort = after?.sort ?? query.sort ?? (q ? 'relevance' : 'newest');
  let mode: SearchMode = q ? (after?.mode ?? 'text') : 'browse';
  if (after && after.mode !== mode) {
    throw new AppError('validation_failed', {
      userMessage: 'This cursor belongs to a different search; start again from the first page.',
      fields: [{ field: 'cursor', message: 'Belongs to a different search' }],
    });
  }
  const filters = searchFilters(query, actor.userId, ctx.clock.now());
  const plan: SearchPlan = { mode, sort, q, filters, after, fetch: 0 };
  let page = await runSearchPlan(ctx.db, plan, query.limit);
  // Few matches in all (not a short page): near misses by trigram join the full-text matches.
  if (!after && mode === 'text' && !page.next && page.rows.length < FUZZY_BELOW) {
    mode = 'fuzzy';
    page = await runSearchPlan(ctx.db, { ...plan, mode }, query.limit);
  }
  return {
    items: await describeHits(ctx.db, page.rows),
    nextCursor: page.next ? encodeSearchCursor(page.next) : null,
    mode,
    sort,
  };
}

export async function describeHits(executor: Executor, rows: SearchRow[]): Promise<JobSearchHit[]> {
  const taxonomy = await taxonomyIndex(executor);
  return rows.map((row) => ({
    row,
    category: taxonomy.categories.get(row.category_id) ?? unknownCategory(row.category_id),
  }));
}
