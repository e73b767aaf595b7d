import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DAY, HOUR } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { TestClient } from '../../test/http.ts';
import { aSignedInUser } from '../accounts/test-factories.ts';
import { getBalanceByKey, platformAccount } from '../ledger/accounts.ts';
import { runDueTasks } from '../scheduler/run-due-tasks.ts';
import { payoutChecks } from './checks.ts';
import { payoutsModule } from './module.ts';
import { aFundedClient, balanceOf, creditEarning, TEST_ROUTING_NUMBER } from './test-support.ts';

let t: TestApp;
let clientId: string;
beforeAll(async () => {
  t = await startTestApp();
  clientId = (await aFundedClient(t, 5_000_000)).account.id;
});
afterAll(async () => {
  await t?.close();
});

const runTasks = () => runDueTasks(t.services, payoutsModule.tasks ?? []);
const revenue = () => getBalanceByKey(t.services.db, platformAccount('platform_fee_revenue', 'USD'));
const clearing = () => getBalanceByKey(t.services.db, platformAccount('payout_clearing', 'USD'));

async function violations() {
  const found = [];
  for (const check of payoutChecks) found.push(...(await t.services.db.transaction((tx) => check.run(tx, t.services))));
  return found;
}

/** A freelancer with `availableCents` available and a payout method past its hold. */
async function aFreelancerReadyToWithdraw(availableCents: number, method: object) {
  const freelancer = await aSignedInUser(t, { role: 'freelancer' });
  await creditEarning(t, { clientId, freelancerId: freelancer.account.id, grossCents: availableCents });
  const added = await freelancer.client.post('/api/payouts/methods', method);
  expect(added.status).toBe(201);
  t.clock.advance(5 * DAY + HOUR);
  await runTasks();
  expect(await balanceOf(t, freelancer.account.id, 'available')).toBe(availableCents);
  return { ...freelancer, methodId: added.body.id as string };
}

const withdraw = (who: { client: TestClient }, body: { payoutMethodId: string; amountCents: number }, key = newId()) =>
  who.client.post('/api/payouts/withdrawals', { currency: 'USD', ...body }, { 'idempotency-key': key });

describe('withdrawals', () => {
  test('a new method cannot be used during its 3-day hold', async () => {
    const freelancer = await aSignedInUser(t, { role: 'freelancer' });
    await creditEarning(t, {
      clientId,
      freelancerId: freelancer.account.id,
      grossCents: 30_000,
      availableAt: t.clock.now(),
    });
    await runDueTasks(t.services, payoutsModule.tasks ?? []);
    const added = await freelancer.client.post('/api/payouts/methods', { type: 'paypal', email: 'held@example.com' });
    const res = await withdraw(freelancer, { payoutMethodId: added.body.id, amountCents: 10_000 });
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/can be used from .* UTC/);
    t.clock.advance(3 * DAY);
    expect((await withdraw(freelancer, { payoutMethodId: added.body.id, amountCents: 10_000 })).status).toBe(201);
  });

  test('PayPal: the $2 fee is shown, charged once per key, and the processor pays out after a day', async () => {
    const f = await aFreelancerReadyToWithdraw(30_000, { type: 'paypal', email: 'paid@example.com' });
    const revenueBefore = await revenue();
    const clearingBefore = await clearing();
    const key = newId();
    const res = await withdraw(f, { payoutMethodId: f.methodId, amountCents: 10_000 }, key);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      amountCents: 10_000,
      feeCents: 200,
      netCents: 9_800,
      state: 'in_flight',
      methodLabel: 'PayPal · p•••@example.com',
    });
    const again = await withdraw(f, { payoutMethodId: f.methodId, amountCents: 10_000 }, key);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(res.body.id);
    const reused = await withdraw(f, { payoutMethodId: f.methodId, amountCents: 11_000 }, key);
    expect(reused.status).toBe(422);
    expect(await balanceOf(t, f.account.id, 'available')).toBe(20_000);
    expect(await balanceOf(t, f.account.id, 'payout_in_flight')).toBe(9_800);
    expect(await revenue()).toBe(revenueBefore + 200);
    expect((await f.client.get('/api/payouts/summary')).body).toMatchObject({
      availableCents: 20_000,
      inFlightCents: 9_800,
    });

    t.clock.advance(DAY + HOUR);
    await runTasks();
    const list = await f.client.get('/api/payouts/withdrawals');
    expect(list.body.items).toMatchObject([{ id: res.body.id, state: 'completed', netCents: 9_800 }]);
    expect(await balanceOf(t, f.account.id, 'payout_in_flight')).toBe(0);
    expect(await clearing()).toBe(clearingBefore + 9_800);
    expect((await f.client.get('/api/payouts/summary')).body.withdrawnCents).toBe(9_800);
    const notes = await f.client.get('/api/notifications');
    expect(notes.body.items[0].title).toBe('$98.00 sent to PayPal · p•••@example.com');
    expect(await violations()).toEqual([]);
  });

  test('a payout the bank returns puts the whole amount, fee included, back in available', async () => {
    const f = await aFreelancerReadyToWithdraw(25_000, {
      type: 'local_bank',
      accountHolder: 'Closed Account',
      bankName: 'Old Bank',
      country: 'GB',
      accountNumber: '55550000',
    });
    const revenueBefore = await revenue();
    const res = await withdraw(f, { payoutMethodId: f.methodId, amountCents: 25_000 });
    expect(res.body).toMatchObject({ feeCents: 99, netCents: 24_901, state: 'in_flight' });
    expect(await balanceOf(t, f.account.id, 'available')).toBe(0);
    t.clock.advance(3 * DAY + HOUR);
    await runTasks();
    const list = await f.client.get('/api/payouts/withdrawals');
    expect(list.body.items[0]).toMatchObject({
      state: 'failed',
      failureMessage: expect.stringContaining('account is closed'),
    });
    expect(await balanceOf(t, f.account.id, 'available')).toBe(25_000);
    expect(await balanceOf(t, f.account.id, 'payout_in_flight')).toBe(0);
    expect(await revenue()).toBe(revenueBefore);
    const notes = await f.client.get('/api/notifications');
    expect(notes.body.items[0]).toMatchObject({ title: 'Your withdrawal to Old Bank ····0000 failed' });
    expect(notes.body.items[0].body).toContain('$250.00, fee included, is back in your available balance');
    expect(await violations()).toEqual([]);
  });

  test('too much, too little, or someone else’s method are refused and nothing moves', async () => {
    const f = await aFreelancerReadyToWithdraw(5_000, {
      type: 'us_bank_ach',
      accountHolder: 'A B',
      routingNumber: TEST_ROUTING_NUMBER,
      accountNumber: '987654321',
      accountType: 'savings',
    });
    const tooMuch = await withdraw(f, { payoutMethodId: f.methodId, amountCents: 5_001 });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body).toMatchObject({
      code: 'insufficient_funds',
      detail: 'You have $50.00 available to withdraw.',
    });
    const tooLittle = await withdraw(f, { payoutMethodId: f.methodId, amountCents: 99 });
    expect(tooLittle.status).toBe(400);
    expect(tooLittle.body.errors[0].field).toBe('amountCents');
    const stranger = await aSignedInUser(t, { role: 'freelancer' });
    expect((await withdraw(stranger, { payoutMethodId: f.methodId, amountCents: 1_000 })).status).toBe(404);
    expect(await balanceOf(t, f.account.id, 'available')).toBe(5_000);
    const noKey = await f.client.post('/api/payouts/withdrawals', {
      payoutMethodId: f.methodId,
      amountCents: 1_000,
      currency: 'USD',
    });
    expect(noKey.status).toBe(400);
  });

  test('parallel withdrawals never overdraw: exactly as many succeed as the balance allows', async () => {
    const f = await aFreelancerReadyToWithdraw(10_000, {
      type: 'us_bank_ach',
      accountHolder: 'A B',
      routingNumber: TEST_ROUTING_NUMBER,
      accountNumber: '11112222',
      accountType: 'checking',
    });
    const results = await Promise.all(
      Array.from({ length: 12 }, () => withdraw(f, { payoutMethodId: f.methodId, amountCents: 3_000 })),
    );
    const statuses = results.map((res) => res.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(3);
    expect(statuses.filter((status) => status === 409)).toHaveLength(9);
    expect(await balanceOf(t, f.account.id, 'available')).toBe(1_000);
    expect(await balanceOf(t, f.account.id, 'payout_in_flight')).toBe(9_000);
    // The same key sent in parallel makes one withdrawal.
    const key = newId();
    const same = await Promise.all(
      Array.from({ length: 5 }, () => withdraw(f, { payoutMethodId: f.methodId, amountCents: 500 }, key)),
    );
    // A duplicate that arrives while the first runs gets 409 (retry later); the others replay it.
    const made = same.filter((res) => res.status === 201);
    expect(made.length).toBeGreaterThanOrEqual(1);
    expect(new Set(made.map((res) => res.body.id)).size).toBe(1);
    expect(same.every((res) => res.status === 201 || res.body.code === 'idempotency_in_progress')).toBe(true);
    expect(await balanceOf(t, f.account.id, 'available')).toBe(500);
    expect(await violations()).toEqual([]);
  });
});
