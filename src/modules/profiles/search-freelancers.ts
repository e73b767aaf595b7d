import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Availability } from './limits.ts';
import { freelancerProfiles, freelancerSkills, skills } from './tables.ts';

export interface FreelancerSearch {
  /** Words to find in the name, title, skills and overview (stemmed, 'english'). */
  q?: string | undefined;
  /** Freelancers with any of these skills. */
  skillIds?: string[] | undefined;
  hourlyMinCents?: number | undefined;
  hourlyMaxCents?: number | undefined;
  /** Rates compare in this currency only (default USD). */
  currency?: string | undefined;
  countries?: string[] | undefined;
  availability?: Availability[] | undefined;
  /** Keyset position: the last row of the previous page. */
  after?: { sortKey: number; userId: string } | null | undefined;
  limit: number;
}

export interface FreelancerSearchHit {
  userId: string;
  /** Relevance (with words) or last profile update (without), as an integer for keyset paging. */
  sortKey: number;
}

/**
 * Freelancers for the client-side talent search, best first, one keyset page at a time. The
 * document is built per row (title and name weighted A, skills B, overview C): the number of
 * freelancers is small next to jobs, and filters narrow the rows first.
 */
export async function searchFreelancers(executor: Executor, search: FreelancerSearch): Promise<FreelancerSearchHit[]> {
  const where: SQL[] = [sql`true`];
  const q = search.q?.trim() || null;
  if (search.skillIds?.length) {
    where.push(sql`exists (select 1 from ${freelancerSkills} fs
      where fs.user_id = p.user_id and fs.skill_id = any(${sql.param(search.skillIds)}::uuid[]))`);
  }
  if (search.hourlyMinCents !== undefined || search.hourlyMaxCents !== undefined) {
    where.push(sql`p.currency = ${search.currency ?? 'USD'}
      and p.hourly_rate_cents between ${search.hourlyMinCents ?? 0} and ${search.hourlyMaxCents ?? Number.MAX_SAFE_INTEGER}`);
  }
  if (search.countries?.length) where.push(sql`p.country = any(${sql.param(search.countries)}::text[])`);
  if (search.availability?.length) {
    where.push(sql`p.availability = any(${sql.param(search.availability)}::text[])`);
  }
  const tsq = sql`websearch_to_tsquery('english', ${q})`;
  if (q) where.push(sql`d.document @@ ${tsq}`);
  const sortKey = q
    ? sql`(ts_rank(d.document, ${tsq}, 32) * 1e9)::bigint`
    : sql`(extract(epoch from p.updated_at) * 1000)::bigint`;
  const after = search.after
    ? sql`where (sort_key, user_id) < (${search.after.sortKey}::bigint, ${search.after.userId}::uuid)`
    : sql``;
  const result = await executor.execute(sql`
    select user_id, sort_key from (
      select p.user_id, ${sortKey} as sort_key
      from ${freelancerProfiles} p
      cross join lateral (
        select setweight(to_tsvector('english', p.name || ' ' || p.title), 'A')
          || setweight(to_tsvector('english', coalesce((
               select string_agg(s.name, ' ; ') from ${freelancerSkills} fs
               join ${skills} s on s.id = fs.skill_id where fs.user_id = p.user_id), '')), 'B')
          || setweight(to_tsvector('english', p.overview), 'C') as document
      ) d
      where ${sql.join(where, sql` and `)}
    ) ranked
    ${after}
    order by sort_key desc, user_id desc
    limit ${search.limit}`);
  return (result.rows as { user_id: string; sort_key: number }[]).map((row) => ({
    userId: row.user_id,
    sortKey: Number(row.sort_key),
  }));
}
