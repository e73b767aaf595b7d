import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inTransaction } from '../../db/transaction.ts';
import { DAY } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { aSignedInUser } from '../accounts/test-factories.ts';
import { reverseTransfer } from '../ledger/reverse-transfer.ts';
import { aFundedClient, creditEarning } from '../payouts/test-support.ts';
import { feeScheduleInForce } from './fee-schedules.ts';
import { lifetimeBilledCents } from './lifetime-billed.ts';
import { DEFAULT_FEE_SCHEDULE_DEFINITION } from './schedule.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('fee schedules', () => {
  test('version 1 seeded by the migration is the default schedule in code', async () => {
    const schedule = await feeScheduleInForce(t.services.db, t.clock.now());
    expect(schedule.version).toBe(1);
    expect(schedule.definition).toEqual(DEFAULT_FEE_SCHEDULE_DEFINITION);
  });

  test('an operator adds a future version; it takes effect on its date and previews use it', async () => {
    const { client: operator } = await aSignedInUser(t, { role: 'operator' });
    const { client } = await aSignedInUser(t, { role: 'client' });
    const past = await operator.post('/api/operator/fee-schedules', {
      effectiveFrom: new Date(t.clock.now().getTime() - DAY).toISOString(),
      definition: DEFAULT_FEE_SCHEDULE_DEFINITION,
    });
    expect(past.status).toBe(400);
    expect(past.body.errors[0].field).toBe('effectiveFrom');

    const effectiveFrom = new Date(t.clock.now().getTime() + 2 * DAY);
    const flat = {
      ...DEFAULT_FEE_SCHEDULE_DEFINITION,
      freelancerServiceFee: { kind: 'flat', rateBps: 1_000 },
      clientMarketplaceFee: { rateBps: 300 },
    };
    const added = await operator.post('/api/operator/fee-schedules', {
      effectiveFrom: effectiveFrom.toISOString(),
      definition: flat,
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ version: 2, inForce: false });
    expect((await client.post('/api/operator/fee-schedules', added.body)).status).toBe(403);

    const body = { amountCents: 10_000, currency: 'USD', kind: 'milestone' };
    expect((await client.post('/api/fees/preview', body)).body).toMatchObject({
      scheduleVersion: 1,
      freelancerFeeCents: 2_000,
      clientFeeCents: 500,
    });
    t.clock.advance(3 * DAY);
    expect((await client.post('/api/fees/preview', body)).body).toMatchObject({
      scheduleVersion: 2,
      freelancerFeeCents: 1_000,
      clientFeeCents: 300,
      clientTotalCents: 10_300,
    });
    const list = await operator.get('/api/operator/fee-schedules');
    expect(list.body.items.map((item: { version: number; inForce: boolean }) => [item.version, item.inForce])).toEqual([
      [2, true],
      [1, false],
    ]);
  });

  test('a definition with bad tiers is refused naming the field', async () => {
    const { client: operator } = await aSignedInUser(t, { role: 'operator' });
    const res = await operator.post('/api/operator/fee-schedules', {
      effectiveFrom: new Date(t.clock.now().getTime() + 30 * DAY).toISOString(),
      definition: {
        ...DEFAULT_FEE_SCHEDULE_DEFINITION,
        freelancerServiceFee: { kind: 'sliding', tiers: [{ upToCents: 100, rateBps: 2_000 }] },
      },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.errors)).toContain('upToCents');
  });
});

describe('POST /api/fees/preview', () => {
  test('shows both sides of a payment', async () => {
    const { client } = await aSignedInUser(t, { role: 'freelancer' });
    const res = await client.post('/api/fees/preview', { amountCents: 100_000, currency: 'USD', kind: 'hourly' });
    expect(res.status).toBe(200);
    const { grossCents, freelancerFeeCents, freelancerNetCents, clientFeeCents, clientTotalCents } = res.body;
    expect(freelancerFeeCents + freelancerNetCents).toBe(grossCents);
    expect(clientTotalCents).toBe(grossCents + clientFeeCents);
    expect(res.body.tiers.length).toBeGreaterThan(0);
  });

  test('refuses another currency, and anonymous callers', async () => {
    const { client } = await aSignedInUser(t, { role: 'client' });
    const res = await client.post('/api/fees/preview', { amountCents: 100, currency: 'EUR', kind: 'bonus' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('currency');
    const anonymous = await t.client().post('/api/fees/preview', { amountCents: 100, currency: 'USD', kind: 'bonus' });
    expect(anonymous.status).toBe(401);
  });

  test('a pair’s billings are private to the pair', async () => {
    const { client: freelancer, account: freelancerAccount } = await aSignedInUser(t, { role: 'freelancer' });
    const { client, account: clientAccount } = await aSignedInUser(t, { role: 'client' });
    const { client: stranger } = await aSignedInUser(t, { role: 'client' });
    const body = { amountCents: 5_000, currency: 'USD', kind: 'milestone' };
    expect((await freelancer.post('/api/fees/preview', { ...body, clientId: clientAccount.id })).status).toBe(200);
    expect((await client.post('/api/fees/preview', { ...body, freelancerId: freelancerAccount.id })).status).toBe(200);
    const snoop = await stranger.post('/api/fees/preview', {
      ...body,
      freelancerId: freelancerAccount.id,
      clientId: clientAccount.id,
    });
    expect(snoop.status).toBe(404);
  });
});

describe('lifetime billings', () => {
  test('count each release to the pair, less reversals, and nothing of another pair', async () => {
    const { account: freelancer } = await aSignedInUser(t, { role: 'freelancer' });
    const { account: client } = await aFundedClient(t, 70_000);
    const { account: otherClient } = await aFundedClient(t, 90_000);
    const pair = { freelancerId: freelancer.id, clientId: client.id };
    const billed = () => lifetimeBilledCents(t.services.db, pair);
    expect(await billed()).toBe(0);

    await creditEarning(t, { ...pair, grossCents: 50_000, feeCents: 5_000 });
    const second = await creditEarning(t, { ...pair, grossCents: 20_000, feeCents: 2_000 });
    await creditEarning(t, { freelancerId: freelancer.id, clientId: otherClient.id, grossCents: 90_000 });
    expect(await billed()).toBe(70_000);

    await inTransaction(t.services.db, (tx) =>
      reverseTransfer(tx, { transferId: second.creditTransferId, idempotencyKey: newId(), at: t.clock.now() }),
    );
    expect(await billed()).toBe(50_000);
  });
});
