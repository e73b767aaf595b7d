import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DemoContext } from '../../server/module.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { accountsDemo } from '../accounts/demo.ts';
import { profilesDemo } from '../profiles/demo.ts';
import { jobChecks } from './checks.ts';
import { type DemoJobRef, jobsDemo } from './demo.ts';
import { demoJobs } from './demo-data.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

async function violations() {
  return t.services.db.transaction(async (tx) => {
    const found = [];
    for (const check of jobChecks) found.push(...(await check.run(tx, t.services)));
    return found;
  });
}

describe('the jobs demo and checks', () => {
  test('the demo posts jobs of every kind, can run twice, and passes the checks', async () => {
    const demo: DemoContext = { services: t.services, state: new Map(), logins: [], progress: () => {} };
    await accountsDemo.run(demo);
    await profilesDemo.run(demo);
    let progressed = 0;
    await jobsDemo.run({ ...demo, progress: () => progressed++ });
    expect(progressed).toBe(jobsDemo.units);
    await jobsDemo.run(demo);

    const jobs = demo.state.get('jobs.jobs') as DemoJobRef[];
    expect(jobs).toHaveLength(demoJobs.length);
    expect(jobs.filter((job) => job.state === 'open').length).toBeGreaterThanOrEqual(12);
    expect(jobs.some((job) => job.state === 'closed')).toBe(true);
    expect(jobs.some((job) => job.state === 'draft')).toBe(true);
    expect(jobs.some((job) => job.visibility === 'invite_only')).toBe(true);
    const result = await t.services.db.execute(
      sql`select type, count(*)::int as n from jobs group by type order by type`,
    );
    expect(result.rows).toEqual([
      { type: 'fixed', n: expect.any(Number) },
      { type: 'hourly', n: expect.any(Number) },
    ]);
    const saved = await t.services.db.execute(sql`select count(*)::int as n from saved_searches`);
    expect(saved.rows[0]?.n).toBe(1);
    expect(await violations()).toEqual([]);
  });

  test('the checks find broken rows', async () => {
    class RolledBack extends Error {
      constructor(readonly found: { subject: string; message: string }[]) {
        super('rolled back');
      }
    }
    // Constraints stop these in normal operation; they are dropped only inside this transaction,
    // which is always rolled back.
    const broken = t.services.db.transaction(async (tx) => {
      await tx.execute(sql`alter table jobs drop constraint jobs_counters_not_negative`);
      await tx.execute(sql`alter table jobs drop constraint jobs_closed_has_reason`);
      const open = (await tx.execute(sql`select id from jobs where state = 'open' order by id limit 2`)).rows;
      const closed = (await tx.execute(sql`select id from jobs where state = 'closed' order by id limit 1`)).rows;
      await tx.execute(sql`update jobs set proposals_count = -1 where id = ${open[0]?.id}`);
      await tx.execute(sql`update jobs set skill_ids = '{}' where id = ${open[1]?.id}`);
      await tx.execute(sql`update jobs set close_reason = null where id = ${closed[0]?.id}`);
      const found = [];
      for (const check of jobChecks) found.push(...(await check.run(tx, t.services)));
      throw new RolledBack(found);
    });
    const error = await broken.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RolledBack);
    const messages = (error as RolledBack).found.map((violation) => violation.message);
    expect(messages).toEqual([
      expect.stringContaining('negative counter: proposals -1'),
      expect.stringContaining('has 0 skills'),
      expect.stringContaining('closed without a reason'),
    ]);
    expect(await violations()).toEqual([]);
  });
});
