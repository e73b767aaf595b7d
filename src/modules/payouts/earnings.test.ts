import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DAY, HOUR } from '../../platform/clock.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { aSignedInUser } from '../accounts/test-factories.ts';
import { getBalanceByKey, platformAccount } from '../ledger/accounts.ts';
import { runDueTasks } from '../scheduler/run-due-tasks.ts';
import { payoutChecks } from './checks.ts';
import { payoutsModule } from './module.ts';
import { aFundedClient, balanceOf, creditEarning } from './test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const runTasks = () => runDueTasks(t.services, payoutsModule.tasks ?? []);

async function violations() {
  const found = [];
  for (const check of payoutChecks) found.push(...(await t.services.db.transaction((tx) => check.run(tx, t.services))));
  return found;
}

describe('earnings and their security period', () => {
  test('an earning waits 5 days in pending, then the task makes it available, once', async () => {
    const client = await aFundedClient(t, 200_000);
    const freelancer = await aSignedInUser(t, { role: 'freelancer' });
    const revenueBefore = await getBalanceByKey(t.services.db, platformAccount('platform_fee_revenue', 'USD'));
    const earning = await creditEarning(t, {
      clientId: client.account.id,
      freelancerId: freelancer.account.id,
      grossCents: 50_000,
      feeCents: 10_000,
    });
    expect(earning.availableAt.getTime() - earning.createdAt.getTime()).toBe(5 * DAY);
    expect(await balanceOf(t, freelancer.account.id, 'pending')).toBe(40_000);
    expect(await getBalanceByKey(t.services.db, platformAccount('platform_fee_revenue', 'USD'))).toBe(
      revenueBefore + 10_000,
    );

    const summary = await freelancer.client.get('/api/payouts/summary');
    expect(summary.body).toMatchObject({
      pendingCents: 40_000,
      availableCents: 0,
      inFlightCents: 0,
      lifetimeCents: 40_000,
    });
    expect(summary.body.upcoming).toEqual([
      {
        id: earning.id,
        description: 'Milestone 1: Landing page',
        amountCents: 40_000,
        availableAt: earning.availableAt.toISOString(),
      },
    ]);

    t.clock.advance(4 * DAY);
    await runTasks();
    expect(await balanceOf(t, freelancer.account.id, 'pending')).toBe(40_000);

    t.clock.advance(DAY + HOUR);
    await runTasks();
    expect(await balanceOf(t, freelancer.account.id, 'pending')).toBe(0);
    expect(await balanceOf(t, freelancer.account.id, 'available')).toBe(40_000);
    t.clock.advance(HOUR);
    await runTasks();
    expect(await balanceOf(t, freelancer.account.id, 'available')).toBe(40_000);

    const notes = await freelancer.client.get('/api/notifications');
    expect(notes.body.items.map((note: { title: string }) => note.title)).toContain(
      '$400.00 is now available to withdraw',
    );
    expect(await violations()).toEqual([]);
  });

  test('an earning can carry its own available-at date (hourly work after its review period)', async () => {
    const client = await aFundedClient(t, 50_000);
    const freelancer = await aSignedInUser(t, { role: 'freelancer' });
    await creditEarning(t, {
      clientId: client.account.id,
      freelancerId: freelancer.account.id,
      grossCents: 20_000,
      kind: 'hourly',
      availableAt: new Date(t.clock.now().getTime() + 10 * DAY),
    });
    t.clock.advance(6 * DAY);
    await runTasks();
    expect(await balanceOf(t, freelancer.account.id, 'available')).toBe(0);
    t.clock.advance(5 * DAY);
    await runTasks();
    expect(await balanceOf(t, freelancer.account.id, 'available')).toBe(20_000);
    expect(await violations()).toEqual([]);
  });

  test('the summary is for freelancers only', async () => {
    const client = await aSignedInUser(t, { role: 'client' });
    expect((await client.client.get('/api/payouts/summary')).status).toBe(403);
    expect((await t.client().get('/api/payouts/summary')).status).toBe(401);
  });
});
