import { sql } from 'drizzle-orm';
import type { Ctx } from '../../server/context.ts';
import { getFreelancerSummaries } from '../profiles/summaries.ts';
import { actingAsFreelancer } from './access.ts';
import { timeAgo } from './relative-time.ts';
import { describeHits, type JobSearchHit } from './search-jobs.ts';
import { newestFirst, pageColumns, readRows, type SearchRow } from './search-query.ts';
import { taxonomyIndex } from './taxonomy-index.ts';
import { visibleToFreelancer } from './visibility.ts';

// The feed looks at recent jobs only: a month-old post has usually found its freelancer.
const FEED_DAYS = 30;
// Scores the most recent matching jobs only, so the feed costs the same at any number of jobs.
const FEED_CANDIDATES = 1000;
// A fixed-price job smaller than about a day of the freelancer's time rarely suits them.
const FIXED_FIT_HOURS = 8;

type RateFit = 'within' | 'above' | 'below' | 'fits' | 'small' | 'unknown';

interface FeedRow extends SearchRow {
  matched_skill_ids: string[];
  in_category: boolean;
  rate_fit: RateFit;
  score: number;
}

export interface FeedItem {
  hit: JobSearchHit;
  score: number;
  why: string[];
}

/**
 * GET /api/jobs/feed: open jobs ranked for the freelancer by skill overlap with their profile,
 * their categories, how the pay fits their hourly rate, and recency, each with why it matched.
 */
export async function getBestMatches(ctx: Ctx, input: { limit: number }): Promise<FeedItem[]> {
  const actor = actingAsFreelancer(ctx);
  const [profile] = (await getFreelancerSummaries(ctx.db, [actor.userId])).values();
  const taxonomy = await taxonomyIndex(ctx.db);
  const skillIds = profile?.skills.map((skill) => skill.id) ?? [];
  const categoryIds = [...new Set(skillIds.flatMap((id) => taxonomy.categoryOfSkill.get(id) ?? []))];
  // Rates compare only in the same currency; otherwise the rate plays no part.
  const rate = profile?.hourlyRateCents ?? null;
  const currency = profile?.currency ?? 'USD';
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - FEED_DAYS * 86_400_000);
  const mine = sql`${sql.param(skillIds)}::uuid[]`;
  const relevant =
    skillIds.length > 0
      ? sql`and (jobs.skill_ids && ${mine} or jobs.category_id = any(${sql.param(categoryIds)}::uuid[]))`
      : sql``;

  const result = await ctx.db.execute(sql`
    with candidates as materialized (
      select jobs.id from jobs
      where jobs.state = 'open' and ${visibleToFreelancer(actor.userId)} and jobs.published_at >= ${since} ${relevant}
      order by ${newestFirst} limit ${FEED_CANDIDATES}
    ), scored as (
      select ${pageColumns},
        array(select unnest(jobs.skill_ids) intersect select unnest(${mine})) as matched_skill_ids,
        cardinality(jobs.skill_ids) as skill_count,
        jobs.category_id = any(${sql.param(categoryIds)}::uuid[]) as in_category,
        case
          when ${rate}::bigint is null or jobs.currency <> ${currency} then 'unknown'
          when jobs.type = 'hourly' and ${rate}::bigint between jobs.hourly_min_cents and jobs.hourly_max_cents then 'within'
          when jobs.type = 'hourly' and jobs.hourly_min_cents > ${rate}::bigint then 'above'
          when jobs.type = 'hourly' then 'below'
          when jobs.budget_cents >= ${rate}::bigint * ${FIXED_FIT_HOURS}::int then 'fits'
          else 'small'
        end as rate_fit
      from candidates c join jobs on jobs.id = c.id
    )
    select scored.*, (
      least(cardinality(matched_skill_ids), 5) * 20
      + (30 * cardinality(matched_skill_ids) / greatest(skill_count, 1))
      + case when in_category then 15 else 0 end
      + case rate_fit when 'within' then 25 when 'above' then 20 when 'fits' then 15 else 0 end
      + round(20 * exp(-extract(epoch from (${now}::timestamptz - published_at)) / 259200))
    )::int as score
    from scored
    order by score desc, published_at desc, id desc
    limit ${input.limit}`);
  const rows = readRows<FeedRow>(result.rows, ['published_at']);
  const hits = await describeHits(ctx.db, rows);
  return rows.map((row, index) => ({
    hit: hits[index] as JobSearchHit,
    score: row.score,
    why: explain(row, hits[index] as JobSearchHit, now),
  }));
}

function explain(row: FeedRow, hit: JobSearchHit, now: Date): string[] {
  const why: string[] = [];
  const matched = row.skills.filter((skill) => row.matched_skill_ids.includes(skill.id)).map((skill) => skill.name);
  if (matched.length > 0) {
    why.push(`Matches ${matched.length} of your skills: ${matched.join(', ')}`);
  } else if (row.in_category) {
    why.push(`In your category: ${hit.category.name}`);
  }
  const fit: Partial<Record<RateFit, string>> = {
    within: 'Pays within your rate',
    above: 'Pays above your rate',
    fits: 'Budget fits your rate',
  };
  const rateReason = fit[row.rate_fit];
  if (rateReason) why.push(rateReason);
  why.push(`Posted ${timeAgo(row.published_at, now)}`);
  return why;
}
