import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { MINUTE } from '../../platform/clock.ts';
import { makeCtx } from '../../server/context.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { TestClient } from '../../test/http.ts';
import { aSignedInUser } from '../accounts/test-factories.ts';
import { clientFundingAccount, getBalanceByKey, platformAccount } from '../ledger/accounts.ts';
import { getTransferByKey } from '../ledger/transfers.ts';
import { chargeTransferKey } from './charge.ts';
import { paymentChecks } from './checks.ts';
import { paymentFaults } from './fault-hooks.ts';
import { gatewayFor } from './gateway-for.ts';
import { recoverCharges } from './recover-charges.ts';
import { SANDBOX_CARDS } from './sandbox-gateway.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});
afterEach(() => {
  paymentFaults.afterGatewayCall = null;
});

const funding = (clientId: string) => getBalanceByKey(t.services.db, clientFundingAccount(clientId, 'USD'));
const clearing = () => getBalanceByKey(t.services.db, platformAccount('gateway_clearing', 'USD'));

async function aClientWithCard(number: string = SANDBOX_CARDS.succeeds) {
  const user = await aSignedInUser(t, { role: 'client' });
  const card = await user.client.post('/api/billing-methods', {
    type: 'card',
    number,
    expMonth: 12,
    expYear: t.clock.now().getUTCFullYear() + 2,
    cvc: '123',
    name: 'Grace Hopper',
  });
  expect(card.status).toBe(201);
  return { ...user, cardId: card.body.id as string };
}

const addFunds = (client: TestClient, amountCents: number, key: string = crypto.randomUUID(), extra: object = {}) =>
  client.post('/api/payments/charges', { amountCents, currency: 'USD', ...extra }, { 'idempotency-key': key });

async function runChecks() {
  const violations = [];
  for (const check of paymentChecks) {
    violations.push(...(await t.services.db.transaction((tx) => check.run(tx, t.services))));
  }
  return violations;
}

describe('charging a card', () => {
  test('a successful charge credits the client’s funding through gateway clearing, once', async () => {
    const { client, account } = await aClientWithCard();
    const clearingBefore = await clearing();
    const res = await addFunds(client, 25_000);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ amountCents: 25_000, currency: 'USD', state: 'succeeded', purpose: 'add_funds' });
    expect(await funding(account.id)).toBe(25_000);
    expect(await clearing()).toBe(clearingBefore - 25_000);
    const transfer = await getTransferByKey(t.services.db, chargeTransferKey(res.body.id));
    expect(transfer?.refs).toMatchObject({ chargeId: res.body.id, userId: account.id });
    const list = await client.get('/api/payments/charges');
    expect(list.body.items).toMatchObject([{ id: res.body.id, state: 'succeeded' }]);
    expect(await runChecks()).toEqual([]);
  });

  test.each([
    [SANDBOX_CARDS.declinesWhenCharged, 'card_declined', 'The card was declined.'],
    [SANDBOX_CARDS.insufficientFunds, 'insufficient_funds', 'The payment was declined for insufficient funds.'],
  ])('card %s: 402 with a clear message, and the ledger is untouched', async (number, code, message) => {
    const { client, account } = await aClientWithCard(number);
    const clearingBefore = await clearing();
    const res = await addFunds(client, 10_000);
    expect(res.status).toBe(402);
    expect(res.body).toMatchObject({ code: 'payment_required', detail: message });
    expect(await funding(account.id)).toBe(0);
    expect(await clearing()).toBe(clearingBefore);
    const [charge] = (await client.get('/api/payments/charges')).body.items;
    expect(charge).toMatchObject({ state: 'failed', failureCode: code });
    expect(await getTransferByKey(t.services.db, chargeTransferKey(charge.id))).toBeNull();
    expect(await runChecks()).toEqual([]);
  });

  test('a processing error is retried with the same gateway key and then succeeds, charging once', async () => {
    const { client, account } = await aClientWithCard(SANDBOX_CARDS.processingErrorOnce);
    const res = await addFunds(client, 7_700);
    expect(res.status).toBe(201);
    expect(res.body.state).toBe('succeeded');
    expect(await funding(account.id)).toBe(7_700);
    const { rows } = await t.services.db.$client.query(
      'select status, attempts from sandbox_gateway_charges where idempotency_key = $1',
      [`workroom-charge-${res.body.id}`],
    );
    expect(rows).toEqual([{ status: 'succeeded', attempts: 2 }]);
  });

  test('amount and currency are checked', async () => {
    const { client } = await aClientWithCard();
    expect((await addFunds(client, 0)).status).toBe(400);
    expect((await addFunds(client, 10_000_001)).body.errors[0].field).toBe('amountCents');
    const euros = await client.post(
      '/api/payments/charges',
      { amountCents: 100, currency: 'EUR' },
      { 'idempotency-key': 'eur' },
    );
    expect(euros.body.errors[0].field).toBe('currency');
    expect((await client.post('/api/payments/charges', { amountCents: 100, currency: 'USD' })).status).toBe(400);
  });
});

describe('idempotency', () => {
  test('retrying POST /api/payments/charges with the same Idempotency-Key charges once', async () => {
    const { client, account } = await aClientWithCard();
    const first = await addFunds(client, 12_345, 'retry-key');
    const again = await addFunds(client, 12_345, 'retry-key');
    expect(again.status).toBe(first.status);
    expect(again.body.id).toBe(first.body.id);
    expect(await funding(account.id)).toBe(12_345);
    expect((await client.get('/api/payments/charges')).body.items).toHaveLength(1);
  });

  test('parallel duplicates charge once', async () => {
    const { client, account } = await aClientWithCard();
    const results = await Promise.all(Array.from({ length: 6 }, () => addFunds(client, 5_000, 'burst-key')));
    const succeeded = results.filter((res) => res.status === 201);
    // Duplicates either replay the stored answer or are asked to retry (409) while the first runs.
    expect(results.every((res) => res.status === 201 || res.status === 409)).toBe(true);
    expect(new Set(succeeded.map((res) => res.body.id)).size).toBe(1);
    expect(await funding(account.id)).toBe(5_000);
  });

  test('the same key with another amount is refused', async () => {
    const { client } = await aClientWithCard();
    expect((await addFunds(client, 1_000, 'reused')).status).toBe(201);
    expect((await addFunds(client, 2_000, 'reused')).status).toBe(422);
  });

  test('a declined charge answers the same 402 on retry and never reaches the ledger', async () => {
    const { client, account } = await aClientWithCard(SANDBOX_CARDS.declinesWhenCharged);
    expect((await addFunds(client, 3_000, 'declined-key')).status).toBe(402);
    expect((await addFunds(client, 3_000, 'declined-key')).status).toBe(402);
    expect(await funding(account.id)).toBe(0);
  });
});

describe('crash recovery', () => {
  test('a crash after the gateway charged is completed by recover-charges: the transfer is posted once', async () => {
    const { client, account } = await aClientWithCard();
    paymentFaults.afterGatewayCall = async () => {
      throw new Error('simulated crash after the gateway call');
    };
    const crashed = await addFunds(client, 40_000);
    expect(crashed.status).toBe(500);
    paymentFaults.afterGatewayCall = null;
    const [pending] = (await client.get('/api/payments/charges')).body.items;
    expect(pending.state).toBe('pending');
    expect(await funding(account.id)).toBe(0);
    expect((await gatewayFor(t.services).getCharge(`workroom-charge-${pending.id}`))?.status).toBe('succeeded');
    // The checks excuse the crash window for now (gateway took it, the ledger will follow)...
    expect(await runChecks()).toEqual([]);

    const ctx = makeCtx(t.services, null, 'test-recovery');
    expect((await recoverCharges(ctx)).processed).toBe(0); // too recent: the request may still be running
    t.clock.advance(2 * MINUTE);
    expect((await recoverCharges(ctx)).processed).toBeGreaterThanOrEqual(1);
    expect(await funding(account.id)).toBe(40_000);
    const [recovered] = (await client.get('/api/payments/charges')).body.items;
    expect(recovered).toMatchObject({ id: pending.id, state: 'succeeded' });
    await recoverCharges(ctx);
    expect(await funding(account.id)).toBe(40_000);
    expect(await runChecks()).toEqual([]);
  });

  test('a crash before the gateway call: the charge is voided, and a late call with its key cannot charge', async () => {
    const { client, account } = await aClientWithCard();
    paymentFaults.beforeGatewayCall = async () => {
      throw new Error('simulated crash before the gateway call');
    };
    expect((await addFunds(client, 9_900)).status).toBe(500);
    paymentFaults.beforeGatewayCall = null;
    const [pending] = (await client.get('/api/payments/charges')).body.items;
    expect(pending.state).toBe('pending');
    const gateway = gatewayFor(t.services);
    const gatewayKey = `workroom-charge-${pending.id}`;
    expect(await gateway.getCharge(gatewayKey)).toBeNull();

    t.clock.advance(2 * MINUTE);
    await recoverCharges(makeCtx(t.services, null, 'test-recovery'));
    const [voided] = (await client.get('/api/payments/charges')).body.items;
    expect(voided).toMatchObject({ id: pending.id, state: 'voided' });
    const { cardId } = await aClientWithCard(); // any usable method token will do
    const late = await gateway.createCharge({
      idempotencyKey: gatewayKey,
      amountCents: 9_900,
      currency: 'USD',
      method: cardId,
    });
    expect(late.status).toBe('voided');
    expect(await funding(account.id)).toBe(0);
    expect(await runChecks()).toEqual([]);
  });
});

describe('verify checks', () => {
  test('a charge pending for over an hour is reported', async () => {
    const { client } = await aClientWithCard();
    paymentFaults.afterGatewayCall = async () => {
      throw new Error('simulated crash');
    };
    await addFunds(client, 1_500);
    paymentFaults.afterGatewayCall = null;
    t.clock.advance(61 * MINUTE);
    const violations = await runChecks();
    expect(violations.map((violation) => violation.message).join('\n')).toMatch(/pending since/);
    await recoverCharges(makeCtx(t.services, null, 'test-recovery'));
    expect(await runChecks()).toEqual([]);
  });
});
