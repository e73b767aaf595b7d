import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DemoContext } from '../../server/module.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { accountsDemo } from '../accounts/demo.ts';
import { connectsDemo } from '../connects/demo.ts';
import { jobsDemo } from '../jobs/demo.ts';
import { offersDemo } from '../offers/demo.ts';
import { paymentsDemo } from '../payments/demo.ts';
import { profilesDemo } from '../profiles/demo.ts';
import { proposalsDemo } from '../proposals/demo.ts';
import { lifecycleDemo } from './demo.ts';
import { verifyProblems } from './test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const rows = async (query: ReturnType<typeof sql>) => (await t.services.db.execute(query)).rows;

test('the demo: a change request, a paid milestone, one waiting for review, an ended contract; runs twice; verify clean', async () => {
  const demo: DemoContext = { services: t.services, state: new Map(), logins: [], progress: () => {} };
  const steps = [
    accountsDemo,
    profilesDemo,
    paymentsDemo,
    jobsDemo,
    connectsDemo,
    proposalsDemo,
    offersDemo,
    lifecycleDemo,
  ];
  for (const step of steps) await step.run(demo);
  for (const step of steps) await step.run(demo);

  expect(
    await rows(sql`
      select c.title, c.state as contract, m.position, m.state, m.released_cents as released
        from contract_milestones m join contracts c on c.id = m.contract_id
       order by c.title, m.position`),
  ).toEqual([
    { title: 'Logo refresh for the delivery app', contract: 'ended', position: 1, state: 'approved', released: 45_000 },
    {
      title: 'Signed webhooks for the shipments API',
      contract: 'active',
      position: 1,
      state: 'approved',
      released: 200_000,
    },
    {
      title: 'Signed webhooks for the shipments API',
      contract: 'active',
      position: 2,
      state: 'submitted',
      released: 0,
    },
  ]);
  expect(
    await rows(sql`select outcome, count(*)::int as n from milestone_submissions group by outcome order by outcome`),
  ).toEqual([
    { outcome: 'approved', n: 2 },
    { outcome: 'changes_requested', n: 1 },
    { outcome: 'pending', n: 1 },
  ]);
  expect(await rows(sql`select kind, count(*)::int as n from contract_payments group by kind`)).toEqual([
    { kind: 'milestone', n: 2 },
  ]);
  expect(await verifyProblems(t)).toEqual([]);
}, 120_000);
