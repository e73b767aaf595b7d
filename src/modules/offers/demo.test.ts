import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DemoContext } from '../../server/module.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { accountsDemo } from '../accounts/demo.ts';
import { connectsChecks } from '../connects/checks.ts';
import { connectsDemo } from '../connects/demo.ts';
import { contractChecks } from '../contracts/checks.ts';
import { jobsDemo } from '../jobs/demo.ts';
import { ledgerChecks } from '../ledger/checks.ts';
import { paymentsDemo } from '../payments/demo.ts';
import { profilesDemo } from '../profiles/demo.ts';
import { proposalsDemo } from '../proposals/demo.ts';
import { offerChecks } from './checks.ts';
import { offersDemo } from './demo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const rows = async (query: ReturnType<typeof sql>) => (await t.services.db.execute(query)).rows;

test('the hiring demo: proposals with Connects spent, an interview, two accepted offers, a pending one; runs twice; checks clean', async () => {
  const demo: DemoContext = { services: t.services, state: new Map(), logins: [], progress: () => {} };
  const steps = [accountsDemo, profilesDemo, paymentsDemo, jobsDemo, connectsDemo, proposalsDemo, offersDemo];
  for (const step of steps) await step.run(demo);
  for (const step of steps) await step.run(demo);

  expect(await rows(sql`select state, count(*)::int as n from proposals group by state order by state`)).toEqual([
    { state: 'declined', n: 1 },
    { state: 'hired', n: 2 },
    { state: 'submitted', n: 3 },
  ]);
  expect(await rows(sql`select count(*)::int as n from proposals where connects_spent = 0 and invited`)).toEqual([
    { n: 1 },
  ]);
  expect(await rows(sql`select state, type from offers order by state, type`)).toEqual([
    { state: 'accepted', type: 'fixed' },
    { state: 'accepted', type: 'hourly' },
    { state: 'pending', type: 'fixed' },
  ]);
  expect(await rows(sql`select type from contracts order by type`)).toEqual([{ type: 'fixed' }, { type: 'hourly' }]);
  expect(await rows(sql`select state, funded_cents from contract_milestones order by position`)).toEqual([
    { state: 'funded', funded_cents: 200_000 },
    { state: 'not_funded', funded_cents: 0 },
  ]);
  const [interview] = await rows(
    sql`select count(*)::int as n from messages m join message_threads th on th.id = m.thread_id where th.context_kind = 'proposal' and m.kind = 'user'`,
  );
  expect(interview?.n).toBe(3);

  const checks = [...ledgerChecks, ...connectsChecks, ...contractChecks, ...offerChecks];
  const violations = await t.services.db.transaction(async (tx) => {
    const found = [];
    for (const check of checks) found.push(...(await check.run(tx, t.services)));
    return found;
  });
  expect(violations).toEqual([]);
});
