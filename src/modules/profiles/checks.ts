import { sql } from 'drizzle-orm';
import type { VerifyCheck, Violation } from '../../server/module.ts';
import { limits } from './limits.ts';

async function violations(
  tx: Parameters<VerifyCheck['run']>[0],
  query: ReturnType<typeof sql>,
  describe: (row: Record<string, unknown>) => Violation,
): Promise<Violation[]> {
  const result = await tx.execute(query);
  return result.rows.map(describe);
}

export const profileChecks: VerifyCheck[] = [
  {
    name: 'freelancer-skills-exist',
    description: 'every freelancer skill points at a skill of the taxonomy',
    run: (tx) =>
      violations(
        tx,
        sql`select fs.user_id, fs.skill_id from freelancer_skills fs
            left join skills s on s.id = fs.skill_id where s.id is null`,
        (row) => ({ subject: `freelancer ${row.user_id}`, message: `unknown skill ${row.skill_id}` }),
      ),
  },
  {
    name: 'freelancer-skill-count',
    description: `every saved freelancer profile has ${limits.skillsMin} to ${limits.skillsMax} skills`,
    run: (tx) =>
      violations(
        tx,
        sql`select p.user_id, count(fs.skill_id)::int as skills from freelancer_profiles p
            left join freelancer_skills fs on fs.user_id = p.user_id
            group by p.user_id
            having count(fs.skill_id) not between ${limits.skillsMin} and ${limits.skillsMax}`,
        (row) => ({ subject: `freelancer ${row.user_id}`, message: `has ${row.skills} skills` }),
      ),
  },
  {
    name: 'freelancer-rate-bounds',
    description: `every saved freelancer profile has an hourly rate between ${limits.hourlyRateMinCents} and ${limits.hourlyRateMaxCents} cents`,
    run: (tx) =>
      violations(
        tx,
        sql`select user_id, hourly_rate_cents from freelancer_profiles
            where hourly_rate_cents is null
               or hourly_rate_cents not between ${limits.hourlyRateMinCents} and ${limits.hourlyRateMaxCents}`,
        (row) => ({
          subject: `freelancer ${row.user_id}`,
          message: `hourly rate ${row.hourly_rate_cents ?? 'missing'}`,
        }),
      ),
  },
  {
    name: 'portfolio-size',
    description: `no portfolio holds more than ${limits.portfolioItemsMax} items`,
    run: (tx) =>
      violations(
        tx,
        sql`select user_id, count(*)::int as items from portfolio_items
            group by user_id having count(*) > ${limits.portfolioItemsMax}`,
        (row) => ({ subject: `freelancer ${row.user_id}`, message: `has ${row.items} portfolio items` }),
      ),
  },
];
