import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DAY, HOUR } from '../../platform/clock.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { aSignedInUser } from '../accounts/test-factories.ts';
import { runDueTasks } from '../scheduler/run-due-tasks.ts';
import { payoutChecks } from './checks.ts';
import { payoutsModule } from './module.ts';
import { nextScheduledRun } from './schedule-dates.ts';
import { aFundedClient, balanceOf, creditEarning, TEST_ROUTING_NUMBER } from './test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const runTasks = () => runDueTasks(t.services, payoutsModule.tasks ?? []);

describe('schedule dates', () => {
  test.each([
    ['weekly', '2026-01-14T00:00:00Z', '2026-01-21T00:00:00.000Z'],
    ['weekly', '2026-01-13T23:59:00Z', '2026-01-14T00:00:00.000Z'],
    ['twice_monthly', '2026-01-01T00:00:00Z', '2026-01-16T00:00:00.000Z'],
    ['twice_monthly', '2026-01-20T08:00:00Z', '2026-02-01T00:00:00.000Z'],
    ['monthly', '2026-12-15T00:00:00Z', '2027-01-01T00:00:00.000Z'],
  ] as const)('%s after %s runs %s', (frequency, after, expected) => {
    expect(nextScheduledRun(frequency, new Date(after)).toISOString()).toBe(expected);
  });
});

describe('scheduled withdrawals', () => {
  test('withdraw weekly what is above "leave", only once the threshold is reached', async () => {
    const client = await aFundedClient(t, 200_000);
    const freelancer = await aSignedInUser(t, { role: 'freelancer' });
    const id = freelancer.account.id;
    const method = await freelancer.client.post('/api/payouts/methods', {
      type: 'us_bank_ach',
      accountHolder: 'Sam Schedule',
      routingNumber: TEST_ROUTING_NUMBER,
      accountNumber: '123450001',
      accountType: 'checking',
    });
    t.clock.advance(3 * DAY + HOUR); // past the new method's hold
    const set = await freelancer.client.put('/api/payouts/schedule', {
      payoutMethodId: method.body.id,
      frequency: 'weekly',
      currency: 'USD',
      thresholdCents: 50_000,
      leaveCents: 5_000,
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ frequencyLabel: 'Weekly (Wednesdays)', lastOutcome: null });
    expect(new Date(set.body.nextRunAt).getUTCDay()).toBe(3);

    // First run: only $300 available, below the $500 threshold.
    await creditEarning(t, {
      clientId: client.account.id,
      freelancerId: id,
      grossCents: 30_000,
      availableAt: t.clock.now(),
    });
    t.clock.set(new Date(new Date(set.body.nextRunAt).getTime() + HOUR));
    await runTasks();
    let schedule = (await freelancer.client.get('/api/payouts/schedule')).body.schedule;
    expect(schedule.lastOutcome).toBe('Skipped: $300.00 available, below your $500.00 threshold.');
    expect(await balanceOf(t, id, 'available')).toBe(30_000);

    // A week later: $700 available, $650 leaves and $50 stays.
    await creditEarning(t, {
      clientId: client.account.id,
      freelancerId: id,
      grossCents: 40_000,
      availableAt: t.clock.now(),
    });
    t.clock.advance(7 * DAY);
    await runTasks();
    schedule = (await freelancer.client.get('/api/payouts/schedule')).body.schedule;
    expect(schedule.lastOutcome).toBe('Withdrew $650.00 to Checking account ····0001.');
    expect(await balanceOf(t, id, 'available')).toBe(5_000);
    const list = await freelancer.client.get('/api/payouts/withdrawals');
    expect(list.body.items).toMatchObject([{ amountCents: 65_000, scheduled: true }]);

    // Running the tasks again the same hour changes nothing.
    t.clock.advance(HOUR);
    await runTasks();
    expect((await freelancer.client.get('/api/payouts/withdrawals')).body.items).toHaveLength(1);

    // The method can't be removed while the schedule uses it; stopping the schedule frees it.
    expect((await freelancer.client.delete(`/api/payouts/methods/${method.body.id}`)).status).toBe(409);
    expect((await freelancer.client.delete('/api/payouts/schedule')).status).toBe(204);
    expect((await freelancer.client.get('/api/payouts/schedule')).body.schedule).toBeNull();

    const found = [];
    for (const check of payoutChecks)
      found.push(...(await t.services.db.transaction((tx) => check.run(tx, t.services))));
    expect(found).toEqual([]);
  });

  test('a schedule needs one of your own methods and sane amounts', async () => {
    const freelancer = await aSignedInUser(t, { role: 'freelancer' });
    const other = await aSignedInUser(t, { role: 'freelancer' });
    const method = await other.client.post('/api/payouts/methods', { type: 'paypal', email: 'other@example.com' });
    const body = {
      payoutMethodId: method.body.id,
      frequency: 'monthly',
      currency: 'USD',
      thresholdCents: 0,
      leaveCents: 0,
    };
    expect((await freelancer.client.put('/api/payouts/schedule', body)).status).toBe(404);
    const own = await freelancer.client.post('/api/payouts/methods', { type: 'paypal', email: 'own@example.com' });
    const bad = await freelancer.client.put('/api/payouts/schedule', {
      ...body,
      payoutMethodId: own.body.id,
      leaveCents: -5,
    });
    expect(bad.status).toBe(400);
  });
});
