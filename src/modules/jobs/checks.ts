import { sql } from 'drizzle-orm';
import type { VerifyCheck, Violation } from '../../server/module.ts';
import { jobLimits } from './limits.ts';

async function violations(
  tx: Parameters<VerifyCheck['run']>[0],
  query: ReturnType<typeof sql>,
  describe: (row: Record<string, unknown>) => Violation,
): Promise<Violation[]> {
  const result = await tx.execute(query);
  return result.rows.map(describe);
}

export const jobChecks: VerifyCheck[] = [
  {
    name: 'job-counters-not-negative',
    description: 'no job counts fewer than zero proposals, interviews, invites or hires',
    run: (tx) =>
      violations(
        tx,
        sql`select id, proposals_count, interviewing_count, invites_sent_count, hires_count from jobs
            where least(proposals_count, interviewing_count, invites_sent_count, hires_count) < 0`,
        (row) => ({
          subject: `job ${row.id}`,
          message: `negative counter: proposals ${row.proposals_count}, interviewing ${row.interviewing_count}, invites ${row.invites_sent_count}, hires ${row.hires_count}`,
        }),
      ),
  },
  {
    name: 'open-job-skills',
    description: `every open job has ${jobLimits.skillsMin} to ${jobLimits.skillsMax} skills, all in the taxonomy`,
    run: (tx) =>
      violations(
        tx,
        sql`select j.id, cardinality(j.skill_ids) as skills,
              (select count(*) from unnest(j.skill_ids) as sid where sid not in (select id from skills))::int as unknown
            from jobs j
            where j.state = 'open'
              and (coalesce(cardinality(j.skill_ids), 0) not between ${jobLimits.skillsMin} and ${jobLimits.skillsMax}
                or exists (select 1 from unnest(j.skill_ids) as sid where sid not in (select id from skills)))`,
        (row) => ({
          subject: `job ${row.id}`,
          message: `has ${row.skills} skills, ${row.unknown} not in the taxonomy`,
        }),
      ),
  },
  {
    name: 'closed-jobs-have-reason',
    description: 'every closed job says why (hired, or cancelled with a note) and when',
    run: (tx) =>
      violations(
        tx,
        sql`select id, close_reason, closed_at from jobs
            where state = 'closed' and (close_reason is null or closed_at is null
              or (close_reason = 'cancelled' and coalesce(close_note, '') = ''))`,
        (row) => ({ subject: `job ${row.id}`, message: `closed without a reason (${row.close_reason ?? 'none'})` }),
      ),
  },
  {
    name: 'open-jobs-numbered',
    description: 'every open job has a publication number and date (word search walks jobs by number)',
    run: (tx) =>
      violations(
        tx,
        sql`select id from jobs where state = 'open' and (publish_seq is null or published_at is null)`,
        (row) => ({ subject: `job ${row.id}`, message: 'open without a publication number or date' }),
      ),
  },
  {
    name: 'hired-jobs-have-hires',
    description: 'a job closed as hired has at least one hire',
    run: (tx) =>
      violations(
        tx,
        sql`select id from jobs where state = 'closed' and close_reason = 'hired' and hires_count = 0`,
        (row) => ({ subject: `job ${row.id}`, message: 'closed as hired with no hire' }),
      ),
  },
];
