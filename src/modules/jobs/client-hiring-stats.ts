import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { jobs } from './tables.ts';

export interface ClientHiringStats {
  /** Jobs the client has published (open now, or closed after being open). */
  jobsPosted: number;
  openJobs: number;
  hires: number;
  /**
   * Jobs with at least one hire, as a share of the jobs that count: published jobs that are
   * closed, have proposals or have a hire. A fresh open job nobody applied to yet does not count
   * against the client. Null while no job counts.
   */
  hireRatePercent: number | null;
}

const empty: ClientHiringStats = { jobsPosted: 0, openJobs: 0, hires: 0, hireRatePercent: null };

/** The client-card statistics of these clients, keyed by client id (every id present). */
export async function getClientHiringStats(
  executor: Executor,
  clientIds: string[],
): Promise<Map<string, ClientHiringStats>> {
  const stats = new Map(clientIds.map((id) => [id, { ...empty }]));
  if (clientIds.length === 0) return stats;
  const result = await executor.execute(sql`
    select client_id,
      count(*) filter (where first_published_at is not null)::int as jobs_posted,
      count(*) filter (where state = 'open')::int as open_jobs,
      coalesce(sum(hires_count), 0)::int as hires,
      count(*) filter (where hires_count > 0)::int as jobs_with_hire,
      count(*) filter (where first_published_at is not null
        and (hires_count > 0 or state = 'closed' or proposals_count > 0))::int as jobs_counted
    from ${jobs}
    where client_id = any(${sql.param([...new Set(clientIds)])}::uuid[])
    group by client_id`);
  for (const row of result.rows) {
    const counted = Number(row.jobs_counted);
    stats.set(String(row.client_id), {
      jobsPosted: Number(row.jobs_posted),
      openJobs: Number(row.open_jobs),
      hires: Number(row.hires),
      hireRatePercent: counted === 0 ? null : Math.round((100 * Number(row.jobs_with_hire)) / counted),
    });
  }
  return stats;
}
