import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DemoContext } from '../../server/module.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { accountsDemo, type DemoUsers } from '../accounts/demo.ts';
import { profileChecks } from './checks.ts';
import { profilesDemo } from './demo.ts';
import { getClientSummaries, getFreelancerSummaries } from './summaries.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

async function runDemoSteps(): Promise<DemoContext> {
  const demo: DemoContext = { services: t.services, state: new Map(), logins: [], progress: () => {} };
  await accountsDemo.run(demo);
  await profilesDemo.run(demo);
  return demo;
}

async function violations() {
  return t.services.db.transaction(async (tx) => {
    const found = [];
    for (const check of profileChecks) found.push(...(await check.run(tx, t.services)));
    return found;
  });
}

describe('the profiles demo and checks', () => {
  test('the demo fills every profile, can run twice, and passes the checks', async () => {
    let progressed = 0;
    const demo = await runDemoSteps();
    const again: DemoContext = { ...demo, progress: () => progressed++ };
    await profilesDemo.run(again);
    expect(progressed).toBe(profilesDemo.units);

    const users = demo.state.get('accounts.users') as DemoUsers;
    for (const freelancer of users.freelancers) {
      const res = await t.client().get(`/api/freelancers/${freelancer.id}`);
      expect(res.status).toBe(200);
      expect(res.body.name).toBe(freelancer.displayName);
      expect(res.body.title.length).toBeGreaterThan(10);
      expect(res.body.skills.length).toBeGreaterThanOrEqual(3);
      expect(res.body.portfolio.length).toBeGreaterThanOrEqual(1);
      expect(res.body.portfolio.length).toBeLessThanOrEqual(3);
    }
    expect(await violations()).toEqual([]);

    const summaries = await getFreelancerSummaries(t.services.db, [
      ...users.freelancers.map((user) => user.id),
      ...users.clients.map((user) => user.id),
    ]);
    expect(summaries.size).toBe(users.freelancers.length);
    const first = summaries.get(users.freelancers[0]?.id ?? '');
    expect(first?.title).toContain('React');
    expect(first?.location.country).toBe('IN');

    const clients = await getClientSummaries(
      t.services.db,
      users.clients.map((user) => user.id),
    );
    expect([...clients.values()].every((client) => client.company)).toBe(true);
  });

  test('the checks report profiles that break the rules', async () => {
    await t.services.db.execute(
      sql`update freelancer_profiles set hourly_rate_cents = 100000
          where user_id = (select user_id from freelancer_profiles limit 1)`,
    );
    const found = await violations();
    expect(found.some((violation) => violation.message.includes('hourly rate 100000'))).toBe(true);
  });
});
