import { type SQL, sql } from 'drizzle-orm';
import { invalidField } from '../../platform/errors.ts';
import { proposalRanges } from './limits.ts';
import { type JobSearchParamsInput, postedWithinMs } from './search-params.ts';
import { visibleToFreelancer } from './visibility.ts';

/**
 * The filter part of a job search (everything but the words), as SQL over `jobs`. Always open
 * jobs only and never an invite-only job the viewer was not invited to.
 */
export function searchFilters(params: JobSearchParamsInput, viewerId: string, now: Date): SQL[] {
  const where: SQL[] = [sql`jobs.state = 'open'`, visibleToFreelancer(viewerId)];
  if (params.category) where.push(sql`jobs.category_id = ${params.category}`);
  if (params.skills?.length) where.push(sql`jobs.skill_ids && ${sql.param(params.skills)}::uuid[]`);
  if (params.type) where.push(sql`jobs.type = ${params.type}`);
  const price = priceFilter(params);
  if (price) where.push(price);
  if (params.experience?.length) where.push(sql`jobs.experience_level = any(${sql.param(params.experience)}::text[])`);
  if (params.paymentVerified) where.push(sql`jobs.client_payment_verified`);
  if (params.clientHasHires) where.push(sql`jobs.client_has_hires`);
  if (params.proposals?.length) {
    const wanted = proposalRanges.filter((range) => params.proposals?.includes(range.key));
    const ranges = wanted.map((range) =>
      range.max === null
        ? sql`jobs.proposals_count >= ${range.min}`
        : sql`jobs.proposals_count between ${range.min} and ${range.max}`,
    );
    where.push(sql`(${sql.join(ranges, sql` or `)})`);
  }
  if (params.postedWithin) {
    const since = new Date(now.getTime() - postedWithinMs[params.postedWithin]);
    where.push(sql`jobs.published_at >= ${since}`);
  }
  return where;
}

/**
 * A budget range selects fixed-price jobs, a rate range hourly ones; with both, either kind
 * qualifies on its own terms. An hourly job matches a rate range when the two ranges overlap.
 */
function priceFilter(params: JobSearchParamsInput): SQL | null {
  const { budgetMinCents: bMin, budgetMaxCents: bMax, hourlyMinCents: hMin, hourlyMaxCents: hMax } = params;
  if (bMin !== undefined && bMax !== undefined && bMax < bMin) {
    throw invalidField('budgetMaxCents', 'The highest budget must not be below the lowest.');
  }
  if (hMin !== undefined && hMax !== undefined && hMax < hMin) {
    throw invalidField('hourlyMaxCents', 'The highest rate must not be below the lowest.');
  }
  const kinds: SQL[] = [];
  if (bMin !== undefined || bMax !== undefined) {
    kinds.push(
      sql`(jobs.type = 'fixed' and jobs.budget_cents between ${bMin ?? 0} and ${bMax ?? Number.MAX_SAFE_INTEGER})`,
    );
  }
  if (hMin !== undefined || hMax !== undefined) {
    kinds.push(
      sql`(jobs.type = 'hourly' and jobs.hourly_max_cents >= ${hMin ?? 0} and jobs.hourly_min_cents <= ${hMax ?? Number.MAX_SAFE_INTEGER})`,
    );
  }
  return kinds.length === 0 ? null : sql`(${sql.join(kinds, sql` or `)})`;
}
