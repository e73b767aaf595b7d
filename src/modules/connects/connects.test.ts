import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inTransaction } from '../../db/transaction.ts';
import { DAY, HOUR } from '../../platform/clock.ts';
import { makeCtx } from '../../server/context.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { SANDBOX_CARDS } from '../payments/index.ts';
import { aCard, aPerson, connectsOf, fundsOf, key } from '../proposals/test-support.ts';
import { runDueTasks } from '../scheduler/index.ts';
import { connectsChecks } from './checks.ts';
import { getConnects } from './get-connects.ts';
import { connectsModule } from './module.ts';
import { presentConnects } from './present.ts';
import { purchaseConnects } from './purchase-connects.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  t.clock.freeze(new Date('2026-03-10T12:00:00Z'));
});
afterAll(async () => {
  await t.close();
});

const runTasks = () => runDueTasks(t.services, connectsModule.tasks ?? []);
const violations = () =>
  inTransaction(t.services.db, async (tx) =>
    (await Promise.all(connectsChecks.map((check) => check.run(tx, t.services)))).flat(),
  );

describe('Connects', () => {
  test('the monthly grant gives each freelancer 10 once per month, by the scheduler', async () => {
    const freelancer = await aPerson(t, 'freelancer');
    const client = await aPerson(t, 'client');
    await runTasks();
    t.clock.advance(2 * 60 * 60_000);
    await runTasks();
    expect(await connectsOf(t, freelancer.id)).toBe(10);
    expect(await connectsOf(t, client.id)).toBe(0);

    const seen = await freelancer.http.get('/api/connects');
    expect(seen.status).toBe(200);
    expect(seen.body.balance).toBe(10);
    expect(seen.body.lots).toHaveLength(1);
    expect(seen.body.lots[0]).toMatchObject({ source: 'monthly_grant', granted: 10, remaining: 10 });
    expect(new Date(seen.body.lots[0].expiresAt).getUTCFullYear()).toBe(2027);
    expect(seen.body.history[0]).toMatchObject({ kind: 'grant', amount: 10, balanceAfter: 10 });
    expect(seen.body.bundles.map((b: { connects: number }) => b.connects)).toEqual([10, 20, 40, 60, 80]);
    // The web app prices a proposal from this table before the freelancer writes it.
    expect(seen.body.proposalCost.fixed[0]).toEqual({ underCents: 50_000, connects: 2 });
    expect(seen.body.proposalCost.hourly.at(-1)).toEqual({ underCents: null, connects: 8 });
    expect(await client.http.get('/api/connects').then((r) => r.status)).toBe(403);
    expect(await violations()).toEqual([]);
  });

  test('a freelancer buys a bundle with a card; the same Idempotency-Key buys once', async () => {
    const freelancer = await aPerson(t, 'freelancer');
    const card = await freelancer.http.post('/api/billing-methods', {
      type: 'card',
      number: SANDBOX_CARDS.succeeds,
      expMonth: 12,
      expYear: 2030,
      cvc: '123',
      name: 'Pat Freelancer',
    });
    expect(card.status).toBe(201);
    const cardId = card.body.id as string;
    const headers = key();
    const bought = await freelancer.http.post(
      '/api/connects/purchase',
      { bundle: 20, billingMethodId: cardId },
      headers,
    );
    expect(bought.status).toBe(201);
    expect(bought.body).toMatchObject({ priceCents: 300, currency: 'USD', balance: 20 });
    expect(bought.body.lot).toMatchObject({ source: 'purchase', granted: 20, remaining: 20 });

    const again = await freelancer.http.post(
      '/api/connects/purchase',
      { bundle: 20, billingMethodId: cardId },
      headers,
    );
    expect(again.status).toBe(201);
    expect(again.body.lot.id).toBe(bought.body.lot.id);
    expect(await connectsOf(t, freelancer.id)).toBe(20);
    // The charge landed in the buyer's funding and paid for the Connects in the same step.
    expect(await fundsOf(t, freelancer.id)).toBe(0);

    const otherBundle = await freelancer.http.post('/api/connects/purchase', { bundle: 40 }, headers);
    expect(otherBundle.status).toBe(422);
    expect(await connectsOf(t, freelancer.id)).toBe(20);
  });

  test('a declined card buys nothing; a bundle that is not on offer is refused naming the field', async () => {
    const freelancer = await aPerson(t, 'freelancer');
    const cardId = await aCard(t, freelancer, 'freelancer', SANDBOX_CARDS.declinesWhenCharged);
    const declined = await freelancer.http.post(
      '/api/connects/purchase',
      { bundle: 10, billingMethodId: cardId },
      key(),
    );
    expect(declined.status).toBe(402);
    expect(await connectsOf(t, freelancer.id)).toBe(0);

    const odd = await freelancer.http.post('/api/connects/purchase', { bundle: 15 }, key());
    expect(odd.status).toBe(400);
    expect(odd.body.errors[0].field).toBe('bundle');

    const noKey = await freelancer.http.post('/api/connects/purchase', { bundle: 10 });
    expect(noKey.status).toBe(400);

    const noCard = await (await aPerson(t, 'freelancer')).http.post('/api/connects/purchase', { bundle: 10 }, key());
    expect(noCard.status).toBe(402);
  });

  test('Connects expire a year after they were granted; the expiry task takes them back once', async () => {
    const freelancer = await aPerson(t, 'freelancer');
    const cardId = await aCard(t, freelancer, 'freelancer');
    t.clock.advance(HOUR);
    await runTasks();
    expect(await connectsOf(t, freelancer.id)).toBe(10);
    t.clock.advance(200 * DAY);
    // Sessions do not last 200 days: the purchase is made through the service, as the route would.
    const asFreelancer = makeCtx(
      t.services,
      { userId: freelancer.id, email: 'f@example.test', roles: ['freelancer'], sessionId: null, apiTokenId: null },
      'test',
    );
    await purchaseConnects(asFreelancer, { bundle: 10, billingMethodId: cardId, idempotencyKey: 'later' });
    expect(await connectsOf(t, freelancer.id)).toBe(20);

    t.clock.advance(170 * DAY);
    await runTasks();
    await runTasks();
    const afterYear = { body: presentConnects(await getConnects(asFreelancer, { limit: 50 })) };
    // The first grant expired; the purchase has 30 days left; this month's grant arrived.
    expect(afterYear.body.lots.map((lot: { source: string }) => lot.source)).toEqual(['purchase', 'monthly_grant']);
    expect(afterYear.body.balance).toBe(20);
    expect(await connectsOf(t, freelancer.id)).toBe(20);
    const kinds = afterYear.body.history.map(
      (entry: { kind: string; amount: number }) => `${entry.kind} ${entry.amount}`,
    );
    expect(kinds).toContain('expire -10');
    expect(await violations()).toEqual([]);
  });
});
