import { asc, eq, gt, sql } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Ctx } from '../../server/context.ts';
import { notify } from '../notifications/notify.ts';
import { searchFilters } from './search-filters.ts';
import { JobSearchParams } from './search-params.ts';
import { readRows } from './search-query.ts';
import { jobWatermarks, savedSearches, savedSearchMatches } from './tables.ts';

const WATERMARK = 'saved-search-matching';
/**
 * Each run looks again at jobs published up to this long before the watermark: a publishing
 * transaction that read the clock before the last run but committed after it would otherwise be
 * missed. Looking twice is harmless, as saved_search_matches records what was already notified.
 */
const OVERLAP_MS = 5 * 60_000;
const JOB_BATCH = 500;
const SEARCH_BATCH = 200;

interface PublishedJob {
  id: string;
  title: string;
  published_at: Date;
}

/**
 * The `jobs.match-saved-searches` task: notifies freelancers of jobs published since the last
 * run that match one of their saved searches, once per job and search. Idempotent: the
 * watermark and the matches table make a second run (or a retried one) notify nobody twice.
 */
export async function matchSavedSearches(ctx: Ctx): Promise<{ processed: number }> {
  const now = ctx.clock.now();
  const [mark] = await ctx.db.select().from(jobWatermarks).where(eq(jobWatermarks.name, WATERMARK));
  // The first run starts from now: jobs published before saved searches existed are not news.
  let from = new Date((mark?.publishedAt ?? now).getTime() - OVERLAP_MS);
  let lastId = '00000000-0000-0000-0000-000000000000';
  let notified = 0;
  for (;;) {
    const batch = await ctx.tx(async (tx) => {
      const result = await tx.execute(sql`
        select id, title, published_at from jobs
        where state = 'open' and published_at <= ${now} and (published_at, id) > (${from}, ${lastId}::uuid)
        order by published_at, id limit ${JOB_BATCH}`);
      const jobs = readRows<PublishedJob>(result.rows, ['published_at']);
      if (jobs.length > 0) notified += await notifyMatches(tx, ctx.clock, jobs);
      const last = jobs.at(-1);
      const position = last ? { publishedAt: last.published_at, jobId: last.id } : { publishedAt: now, jobId: lastId };
      await tx
        .insert(jobWatermarks)
        .values({ name: WATERMARK, ...position, updatedAt: now })
        .onConflictDoUpdate({
          target: jobWatermarks.name,
          set: { ...position, updatedAt: now },
          // Never moves back (a slower concurrent run cannot undo a faster one's progress).
          setWhere: sql`${jobWatermarks.publishedAt} <= excluded.published_at`,
        });
      return jobs;
    });
    const last = batch.at(-1);
    if (!last || batch.length < JOB_BATCH) break;
    from = last.published_at;
    lastId = last.id;
  }
  return { processed: notified };
}

async function notifyMatches(tx: Tx, clock: Clock, jobs: PublishedJob[]): Promise<number> {
  const jobIds = jobs.map((job) => job.id);
  const titles = new Map(jobs.map((job) => [job.id, job.title]));
  const now = clock.now();
  let notified = 0;
  let afterId = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const searches = await tx
      .select()
      .from(savedSearches)
      .where(gt(savedSearches.id, afterId))
      .orderBy(asc(savedSearches.id))
      .limit(SEARCH_BATCH);
    for (const search of searches) {
      const params = JobSearchParams.safeParse(search.query);
      if (!params.success) continue;
      const where = searchFilters(params.data, search.freelancerId, now);
      if (params.data.q) where.push(sql`jobs.search_vector @@ websearch_to_tsquery('english', ${params.data.q})`);
      where.push(sql`jobs.id = any(${sql.param(jobIds)}::uuid[])`);
      const matched = await tx.execute(sql`select jobs.id from jobs where ${sql.join(where, sql` and `)}`);
      for (const { id } of matched.rows as { id: string }[]) {
        const [fresh] = await tx
          .insert(savedSearchMatches)
          .values({ savedSearchId: search.id, jobId: id, notifiedAt: now })
          .onConflictDoNothing()
          .returning();
        if (!fresh) continue;
        await notify(tx, clock, {
          userId: search.freelancerId,
          kind: 'job.saved_search_match',
          title: `New job for "${search.name}": ${titles.get(id) ?? 'a new job'}`,
          link: `/jobs/${id}`,
        });
        notified += 1;
      }
    }
    const last = searches.at(-1);
    if (!last || searches.length < SEARCH_BATCH) return notified;
    afterId = last.id;
  }
}
