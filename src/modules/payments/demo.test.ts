import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DemoContext } from '../../server/module.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { accountsDemo, type DemoUsers } from '../accounts/demo.ts';
import { clientFundingAccount, getBalanceByKey } from '../ledger/accounts.ts';
import { paymentChecks } from './checks.ts';
import { paymentsDemo } from './demo.ts';
import { isPaymentVerified } from './payment-verified.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

test('demo clients get a verified card and funds, once however often the demo runs', async () => {
  const demo: DemoContext = { services: t.services, state: new Map(), logins: [], progress: () => {} };
  await accountsDemo.run(demo);
  await paymentsDemo.run(demo);
  await paymentsDemo.run(demo);
  const { clients } = demo.state.get('accounts.users') as DemoUsers;
  for (const client of clients) {
    expect(await isPaymentVerified(t.services.db, client.id)).toBe(true);
    expect(await getBalanceByKey(t.services.db, clientFundingAccount(client.id, 'USD'))).toBeGreaterThan(0);
  }
  const first = clients[0];
  if (!first) throw new Error('no demo clients');
  expect(await getBalanceByKey(t.services.db, clientFundingAccount(first.id, 'USD'))).toBe(250_000);
  for (const check of paymentChecks) {
    expect(await t.services.db.transaction((tx) => check.run(tx, t.services))).toEqual([]);
  }
});
