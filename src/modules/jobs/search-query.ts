import { type SQL, sql } from 'drizzle-orm';
import { asDate, decodeCursor, encodeCursor, isUuid } from './cursor.ts';
import type { JobSkill } from './tables.ts';

/*
 * How word searches stay fast at any number of jobs.
 *
 * PostgreSQL's GIN index finds the jobs with given words but not in any order, so "newest first"
 * or "most relevant" over every match costs time in proportion to the matches (10,000 for
 * "react" in a million jobs). Instead, jobs are numbered as they are published (publish_seq) and
 * grouped in blocks of 1,024; the GIN index jobs_open_words_idx holds each job's block next to
 * its words (btree_gin). A search walks the blocks newest first (a recursive query, one index
 * probe per block that returns only that block's matches) and stops as soon as it has a page,
 * or the relevance window. The work follows how many jobs match per block, not how many jobs
 * there are. Words too rare to fill a page in the newest WALK_BLOCKS blocks are looked up in
 * the older jobs with one plain index search.
 *
 * Measured with bench/search.ts on 1,000,000 jobs (2 cores, EXPLAIN ANALYZE): "react" + 2 filters,
 * newest first: 20 probes of jobs_open_words_idx (~0.03 ms each), 227 heap blocks, 1.4 ms;
 * "react" by relevance: 18 probes, 200 rows ranked, 3.4 ms. Ranking every match of "react" the
 * plain way (a bitmap scan of all 11,500 matches) took ~90 ms.
 */

/** How many of the most recent matching jobs relevance ranks; sort by newest to see past them. */
export const RELEVANCE_WINDOW = 200;
/** Newest blocks walked one by one before the remaining (older) jobs are searched at once. */
export const WALK_BLOCKS = 64;
/** Must match the expression of jobs_open_words_idx (PUBLISH_BLOCK_ROWS in tables.ts). */
const block = sql.raw('((jobs.publish_seq / 1024)::integer)');

export type SearchMode = 'browse' | 'text' | 'fuzzy';
export type SearchSort = 'relevance' | 'newest';

/** Where a page ended. */
export interface SearchPosition {
  mode: SearchMode;
  sort: SearchSort;
  /** Browsing: the last row's publish time and id (the newest-first index's key). */
  at: Date;
  id: string;
  /** Word searches: the last row's publication number, and its relevance key. */
  seq: number;
  rankKey: number | null;
  /** Relevance: the publication number of the oldest job of the ranked window. */
  edgeSeq: number | null;
}

export function encodeSearchCursor(p: SearchPosition): string {
  return encodeCursor([p.mode, p.sort, p.at.toISOString(), p.id, p.seq, p.rankKey, p.edgeSeq]);
}

export function decodeSearchCursor(cursor: string): SearchPosition {
  return decodeCursor(cursor, ([mode, sort, at, id, seq, rankKey, edgeSeq]) => {
    const atDate = asDate(at);
    const integer = (value: unknown) => Number.isSafeInteger(value);
    if (mode !== 'browse' && mode !== 'text' && mode !== 'fuzzy') return undefined;
    if (sort !== 'relevance' && sort !== 'newest') return undefined;
    if (!atDate || !isUuid(id) || !integer(seq)) return undefined;
    if (!(rankKey === null || integer(rankKey)) || !(edgeSeq === null || integer(edgeSeq))) return undefined;
    return {
      mode,
      sort,
      at: atDate,
      id,
      seq: seq as number,
      rankKey: rankKey as number | null,
      edgeSeq: edgeSeq as number | null,
    };
  });
}

export interface SearchPlan {
  mode: SearchMode;
  sort: SearchSort;
  q: string | null;
  /** Filter conditions over `jobs` (search-filters.ts). */
  filters: SQL[];
  after: SearchPosition | null;
  /** Rows to fetch (page size + 1, to know whether there is a next page). */
  fetch: number;
  /** Relevance window size (RELEVANCE_WINDOW unless a test wants a small one). */
  window?: number;
}

/** One row of a search page as the SQL returns it. */
export interface SearchRow {
  id: string;
  client_id: string;
  title: string;
  snippet: string;
  type: string;
  currency: string;
  budget_cents: number | null;
  hourly_min_cents: number | null;
  hourly_max_cents: number | null;
  hours_per_week: number | null;
  duration: string | null;
  experience_level: string;
  visibility: string;
  category_id: string;
  skills: JobSkill[];
  proposals_count: number;
  client_payment_verified: boolean;
  client_has_hires: boolean;
  client_country: string | null;
  published_at: Date;
  publish_seq: number;
  rank_key: number | null;
  window_total: number | null;
  edge_seq: number | null;
}

/**
 * Raw rows from drizzle's `execute` carry timestamps as PostgreSQL text (drizzle turns the
 * driver's date parsing off); this makes them Dates like drizzle's typed queries do. The rows are
 * the query's own fresh objects, so they are converted in place rather than copied.
 */
export function readRows<T>(rows: Record<string, unknown>[], dateColumns: string[]): T[] {
  for (const row of rows) {
    for (const column of dateColumns) {
      const value = row[column];
      if (typeof value === 'string') row[column] = new Date(value);
    }
  }
  return rows as T[];
}

export const readSearchRows = (rows: Record<string, unknown>[]): SearchRow[] =>
  readRows<SearchRow>(rows, ['published_at']);

export const pageColumns = sql.raw(`jobs.id, jobs.client_id, jobs.title, left(jobs.description, 280) as snippet,
  jobs.type, jobs.currency, jobs.budget_cents, jobs.hourly_min_cents, jobs.hourly_max_cents,
  jobs.hours_per_week, jobs.duration, jobs.experience_level, jobs.visibility, jobs.category_id,
  jobs.skills, jobs.proposals_count, jobs.client_payment_verified, jobs.client_has_hires, jobs.client_country,
  jobs.published_at, jobs.publish_seq`);

// Matches the jobs_open_newest_idx index exactly, so PostgreSQL can walk it instead of sorting.
export const newestFirst = sql.raw('jobs.published_at desc nulls last, jobs.id desc nulls last');

function tsQuery(q: string): SQL {
  return sql`websearch_to_tsquery('english', ${q})`;
}

/**
 * An integer relevance key (integers compare exactly in a keyset cursor). ts_rank weighs title
 * (A) over skills (B) over description (C); normalization 32 maps it into [0, 1). In fuzzy mode
 * the few full-text matches come first, then titles by trigram word similarity.
 */
function rankKey(plan: SearchPlan): SQL {
  if (plan.q === null) return sql`0::bigint`;
  const rank = sql`(ts_rank(jobs.search_vector, ${tsQuery(plan.q)}, 32) * 1e9)::bigint`;
  if (plan.mode !== 'fuzzy') return rank;
  return sql`case when jobs.search_vector @@ ${tsQuery(plan.q)} then 1000000000 + ${rank}
    else (word_similarity(${plan.q}, jobs.title) * 1e9)::bigint end`;
}

const and = (conditions: SQL[]) => sql.join(conditions, sql` and `);

/**
 * Up to `fetch` matching jobs, newest (highest publish_seq) first, as rows (id, seq, rank_key):
 * the recursive walk over the newest blocks, then one plain search of the older jobs, which
 * PostgreSQL starts only if the walk did not fill the limit. `below` is an exclusive upper
 * publication number (a cursor), else the newest job.
 */
function newestMatches(where: SQL[], rank: SQL, fetch: number, below: number | null): SQL {
  const conditions = below === null ? where : [...where, sql`jobs.publish_seq < ${below}`];
  const top =
    below === null
      ? sql`(select coalesce(pg_sequence_last_value('job_publish_seq'::regclass), 0) / 1024)::integer`
      : sql`(${below}::bigint / 1024)::integer`;
  return sql`with recursive bounds as materialized (
      select ${top} as top_block
    ), walk(is_job, block, id, seq, rank_key) as (
      select false, top_block, null::uuid, null::bigint, null::bigint from bounds
      union all
      select step.* from walk w cross join lateral (
        select false, w.block - 1, null::uuid, null::bigint, null::bigint
        where w.block > 0 and w.block > (select top_block from bounds) - ${WALK_BLOCKS - 1}
        union all
        (select true, w.block, jobs.id, jobs.publish_seq, ${rank} from jobs
          where ${and(conditions)} and ${block} = w.block
          order by jobs.publish_seq desc)
      ) step where not w.is_job
    )
    select * from (
      (select id, seq, rank_key from walk where is_job limit ${fetch})
      union all
      (select jobs.id, jobs.publish_seq, ${rank} from jobs
        where (select top_block from bounds) >= ${WALK_BLOCKS}
          and ${and(conditions)} and jobs.publish_seq < ((select top_block from bounds) - ${WALK_BLOCKS - 1}) * 1024
        order by jobs.publish_seq desc limit ${fetch})
    ) found limit ${fetch}`;
}

/** The SQL of one search page (exported for the benchmark, which runs it directly too). */
export function buildSearchQuery(plan: SearchPlan): SQL {
  const where = [...plan.filters];
  if (plan.mode === 'browse' || plan.q === null) {
    if (plan.after) where.push(sql`(jobs.published_at, jobs.id) < (${plan.after.at}, ${plan.after.id})`);
    return sql`select ${pageColumns}, null::bigint as rank_key, null::int as window_total, null::bigint as edge_seq
      from jobs where ${and(where)} order by ${newestFirst} limit ${plan.fetch}`;
  }
  const text = sql`jobs.search_vector @@ ${tsQuery(plan.q)}`;
  // Typos: titles with a word similar to the query (pg_trgm `<%`). Such searches found little by
  // words, so they search all open jobs at once rather than walking blocks. Each trigram candidate
  // is read to check it: at 1,000,000 jobs "javascrpt" reads ~4,400 rows (~60 ms warm).
  const fuzzy = plan.mode === 'fuzzy';
  where.push(fuzzy ? sql`(${text} or ${plan.q} <% jobs.title)` : text);
  const rank = rankKey(plan);
  const size = plan.window ?? RELEVANCE_WINDOW;

  if (plan.sort === 'newest') {
    const found = fuzzy
      ? sql`select jobs.id, jobs.publish_seq as seq, null::bigint as rank_key from jobs
          where ${and(plan.after ? [...where, sql`jobs.publish_seq < ${plan.after.seq}`] : where)}
          order by jobs.publish_seq desc limit ${plan.fetch}`
      : newestMatches(where, sql`null::bigint`, plan.fetch, plan.after?.seq ?? null);
    return sql`select ${pageColumns}, null::bigint as rank_key, null::int as window_total, null::bigint as edge_seq
      from (${found}) page join jobs on jobs.id = page.id
      order by jobs.publish_seq desc`;
  }

  // Relevance ranks a window of the most recent matches. Later pages keep the first page's window
  // (every match from its oldest job on), so new jobs never shift rows between pages.
  let candidates: SQL;
  if (plan.after) {
    const edge = plan.after.edgeSeq;
    // No edge: the first page's window held every match, so later pages rank all of them again.
    const inWindow =
      edge === null ? [] : [sql`${block} >= (${edge}::bigint / 1024)::integer`, sql`jobs.publish_seq >= ${edge}`];
    candidates = sql`select jobs.id, jobs.publish_seq as seq, ${rank} as rank_key from jobs
      where ${and([...where, ...inWindow])}`;
  } else if (fuzzy) {
    candidates = sql`select jobs.id, jobs.publish_seq as seq, ${rank} as rank_key from jobs
      where ${and(where)} order by jobs.publish_seq desc limit ${size}`;
  } else {
    candidates = newestMatches(where, rank, size, null);
  }
  const after = plan.after
    ? sql`where (c.rank_key, c.seq) < (${plan.after.rankKey ?? 0}::bigint, ${plan.after.seq}::bigint)`
    : sql``;
  return sql`with candidates as materialized (${candidates}),
    window_edge as (select count(*)::int as total, min(seq) as edge_seq from candidates),
    page as (
      select c.id, c.seq, c.rank_key from candidates c ${after}
      order by c.rank_key desc, c.seq desc limit ${plan.fetch}
    )
    select ${pageColumns}, page.rank_key, e.total as window_total, e.edge_seq
    from page join jobs on jobs.id = page.id cross join window_edge e
    order by page.rank_key desc, page.seq desc`;
}
