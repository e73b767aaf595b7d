import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { TestClient } from '../../test/http.ts';
import { aSignedInUser } from '../accounts/test-factories.ts';
import { billingMethodById } from './billing-method.ts';
import { isPaymentVerified } from './payment-verified.ts';
import { SANDBOX_CARDS, SandboxGateway } from './sandbox-gateway.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const nextYear = () => t.clock.now().getUTCFullYear() + 1;
const aCard = (number: string = SANDBOX_CARDS.succeeds) => ({
  type: 'card',
  number,
  expMonth: 12,
  expYear: nextYear(),
  cvc: '123',
  name: 'Ada Lovelace',
});
const aBankAccount = {
  type: 'bank_account',
  routingNumber: '110000000',
  accountNumber: '000123456789',
  accountHolder: 'Ada Lovelace',
};

async function microDeposits(methodId: string): Promise<[number, number]> {
  const method = await billingMethodById(t.services.db, methodId);
  return new SandboxGateway(t.services.db, t.clock).microDepositsFor(method.gatewayToken);
}

const charge = (client: TestClient, body: object, key = crypto.randomUUID()) =>
  client.post('/api/payments/charges', { amountCents: 1_000, currency: 'USD', ...body }, { 'idempotency-key': key });

describe('cards and PayPal', () => {
  test('a valid card is stored masked, verified, default, and marks the client payment verified', async () => {
    const { client, account } = await aSignedInUser(t, { role: 'client' });
    expect(await isPaymentVerified(t.services.db, account.id)).toBe(false);
    expect((await client.get(`/api/clients/${account.id}`)).body.paymentVerified).toBe(false);
    const res = await client.post('/api/billing-methods', { ...aCard(), number: '4242 4242 4242 4242' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      type: 'card',
      status: 'verified',
      isDefault: true,
      label: 'Visa ending in 4242',
      card: { brand: 'visa', last4: '4242', expMonth: 12, expYear: nextYear() },
    });
    expect(res.text).not.toContain('4242424242424242');
    expect(await isPaymentVerified(t.services.db, account.id)).toBe(true);
    const { client: freelancer } = await aSignedInUser(t, { role: 'freelancer' });
    expect((await freelancer.get(`/api/clients/${account.id}`)).body.paymentVerified).toBe(true);
    const list = await client.get('/api/billing-methods');
    expect(list.body).toMatchObject({ paymentVerified: true, items: [{ id: res.body.id }] });
    // Nothing anywhere in the database holds the full number.
    const leaked = await t.services.db.$client.query(
      `select count(*)::int as n from (
         select row_to_json(b)::text as j from billing_methods b
         union all select row_to_json(s)::text from sandbox_gateway_methods s) rows
       where j like '%4242424242424242%'`,
    );
    expect(leaked.rows[0].n).toBe(0);
  });

  test('a bad number, an expired card or a short CVC is a 400 naming the field', async () => {
    const { client } = await aSignedInUser(t, { role: 'client' });
    const cases: [object, string][] = [
      [{ number: '4242424242424241' }, 'number'],
      [{ expMonth: 1, expYear: t.clock.now().getUTCFullYear() - 1 }, 'expYear'],
      [{ expMonth: 13 }, 'expMonth'],
      [{ cvc: '1' }, 'cvc'],
    ];
    for (const [change, field] of cases) {
      const res = await client.post('/api/billing-methods', { ...aCard(), ...change });
      expect(res.status, field).toBe(400);
      expect(res.body.errors[0].field).toBe(field);
    }
    expect((await client.get('/api/billing-methods')).body.items).toEqual([]);
  });

  test('a card its issuer declines is refused with 402 naming the number, and nothing is stored', async () => {
    const { client, account } = await aSignedInUser(t, { role: 'client' });
    const res = await client.post('/api/billing-methods', aCard(SANDBOX_CARDS.declined));
    expect(res.status).toBe(402);
    expect(res.body).toMatchObject({
      code: 'payment_required',
      detail: 'Your card was declined. Try another card.',
      errors: [{ field: 'number', message: 'Your card was declined. Try another card.' }],
    });
    expect((await client.get('/api/billing-methods')).body).toEqual({ items: [], paymentVerified: false });
    const stored = await t.services.db.$client.query(
      'select count(*)::int as n from billing_methods where client_id = $1',
      [account.id],
    );
    expect(stored.rows[0].n).toBe(0);
    expect((await charge(client, {})).status).toBe(402);
  });

  test('a processing error on the issuer check is retried once, then the card is added', async () => {
    const { client } = await aSignedInUser(t, { role: 'client' });
    const res = await client.post('/api/billing-methods', aCard(SANDBOX_CARDS.processingErrorOnce));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'verified', isDefault: true, card: { last4: '0119' } });
    const method = await billingMethodById(t.services.db, res.body.id);
    const { rows } = await t.services.db.$client.query(
      'select verified, failed_verifications from sandbox_gateway_methods where token = $1',
      [method.gatewayToken],
    );
    expect(rows).toEqual([{ verified: true, failed_verifications: 1 }]);
  });

  test('a card short of funds passes the zero-amount check when added, and fails when charged', async () => {
    const { client } = await aSignedInUser(t, { role: 'client' });
    const res = await client.post('/api/billing-methods', aCard(SANDBOX_CARDS.insufficientFunds));
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('verified');
    const paid = await charge(client, {});
    expect(paid.status).toBe(402);
    expect(paid.body.detail).toBe('The payment was declined for insufficient funds.');
  });

  test('a card expiring this month is accepted until the month ends, by the server clock', async () => {
    const { client } = await aSignedInUser(t, { role: 'client' });
    const now = t.clock.now();
    const res = await client.post('/api/billing-methods', {
      ...aCard(),
      expMonth: now.getUTCMonth() + 1,
      expYear: now.getUTCFullYear(),
    });
    expect(res.status).toBe(201);
  });

  test('PayPal is usable at once', async () => {
    const { client } = await aSignedInUser(t, { role: 'client' });
    const res = await client.post('/api/billing-methods', { type: 'paypal', email: 'Ada@Example.test' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'verified', paypal: { email: 'ada@example.test' } });
    expect((await charge(client, {})).status).toBe(201);
  });

  test('the default moves when set, and to another method when the default is removed', async () => {
    const { client, account } = await aSignedInUser(t, { role: 'client' });
    const first = (await client.post('/api/billing-methods', aCard())).body;
    const second = (await client.post('/api/billing-methods', { type: 'paypal', email: 'pay@example.test' })).body;
    expect(second.isDefault).toBe(false);
    expect((await client.post(`/api/billing-methods/${second.id}/default`)).body.isDefault).toBe(true);
    let items = (await client.get('/api/billing-methods')).body.items;
    expect(items.map((item: { id: string; isDefault: boolean }) => [item.id, item.isDefault])).toEqual([
      [second.id, true],
      [first.id, false],
    ]);
    expect((await client.delete(`/api/billing-methods/${second.id}`)).status).toBe(204);
    items = (await client.get('/api/billing-methods')).body.items;
    expect(items).toMatchObject([{ id: first.id, isDefault: true }]);
    expect((await client.delete(`/api/billing-methods/${first.id}`)).status).toBe(204);
    expect(await isPaymentVerified(t.services.db, account.id)).toBe(false);
    const noMethod = await charge(client, {});
    expect(noMethod.status).toBe(402);
  });
});

describe('US bank accounts (ACH)', () => {
  test('verified by the two micro-deposits, in any order; unverified cannot be charged', async () => {
    const { client, account } = await aSignedInUser(t, { role: 'client' });
    const added = await client.post('/api/billing-methods', { ...aBankAccount, accountNumber: '0001-2345-6789' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      status: 'pending_verification',
      isDefault: false,
      label: 'Bank account ending in 6789',
      bankAccount: { routingNumber: '110000000', accountLast4: '6789', verificationAttemptsLeft: 3 },
    });
    expect(added.text).not.toContain('000123456789');
    expect(await isPaymentVerified(t.services.db, account.id)).toBe(false);
    const unverified = await charge(client, { billingMethodId: added.body.id });
    expect(unverified.status).toBe(409);
    expect(unverified.body.detail).toMatch(/deposits/);

    const [first, second] = await microDeposits(added.body.id);
    expect(first).toBeGreaterThanOrEqual(1);
    expect(second).toBeLessThanOrEqual(99);
    const wrong = await client.post(`/api/billing-methods/${added.body.id}/verify`, {
      amountsCents: [first === 99 ? 98 : first + 1, second],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0]).toMatchObject({ field: 'amountsCents' });
    expect(wrong.body.detail).toContain('2 tries left');

    const verified = await client.post(`/api/billing-methods/${added.body.id}/verify`, {
      amountsCents: [second, first],
    });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ status: 'verified', isDefault: true });
    expect(await isPaymentVerified(t.services.db, account.id)).toBe(true);
    const paid = await charge(client, { billingMethodId: added.body.id, amountCents: 50_000 });
    expect(paid.status).toBe(201);
    expect(paid.body.state).toBe('succeeded');
  });

  test('in the sandbox, the user is notified of the two deposits, and those amounts verify the account', async () => {
    const { client } = await aSignedInUser(t, { role: 'client' });
    const added = await client.post('/api/billing-methods', { ...aBankAccount, accountNumber: '000987654321' });
    expect(added.status).toBe(201);
    const notifications = (await client.get('/api/notifications')).body.items;
    expect(notifications).toHaveLength(1);
    const [notice] = notifications;
    expect(notice).toMatchObject({
      kind: 'payments.sandbox_micro_deposits',
      title: 'Sandbox bank: two test deposits arrived',
      link: '/billing',
    });
    expect(notice.body).toMatch(/only happens in the sandbox/);
    expect(notice.body).toContain('ending in 4321');
    const [first, second] = await microDeposits(added.body.id);
    const cents = (amount: number) => `$0.${String(amount).padStart(2, '0')}`;
    expect(notice.body).toContain(`deposits of ${cents(first)} and ${cents(second)}`);

    const amountsCents = [...notice.body.matchAll(/\$0\.(\d\d)/g)].map((match) => Number(match[1]));
    expect(amountsCents).toEqual([first, second]);
    const verified = await client.post(`/api/billing-methods/${added.body.id}/verify`, { amountsCents });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ status: 'verified', isDefault: true });
  });

  test('three wrong tries lock the account for good', async () => {
    const { client } = await aSignedInUser(t, { role: 'client' });
    const { id } = (await client.post('/api/billing-methods', aBankAccount)).body;
    const [first, second] = await microDeposits(id);
    const wrong = { amountsCents: [first === 1 ? 2 : first - 1, second === 1 ? 2 : second - 1] };
    expect((await client.post(`/api/billing-methods/${id}/verify`, wrong)).body.detail).toContain('2 tries left');
    expect((await client.post(`/api/billing-methods/${id}/verify`, wrong)).body.detail).toContain('1 try left');
    const third = await client.post(`/api/billing-methods/${id}/verify`, wrong);
    expect(third.status).toBe(409);
    expect(third.body.detail).toMatch(/locked/);
    const right = await client.post(`/api/billing-methods/${id}/verify`, { amountsCents: [first, second] });
    expect(right.status).toBe(409);
    const [method] = (await client.get('/api/billing-methods')).body.items;
    expect(method).toMatchObject({ status: 'locked', bankAccount: { verificationAttemptsLeft: 0 } });
    expect((await charge(client, { billingMethodId: id })).status).toBe(409);
  });

  test('a routing number failing the checksum is refused', async () => {
    const { client } = await aSignedInUser(t, { role: 'client' });
    const res = await client.post('/api/billing-methods', { ...aBankAccount, routingNumber: '110000001' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('routingNumber');
  });
});

describe('privacy', () => {
  test('another client cannot see, verify, default, remove or pay with my billing method', async () => {
    const { client: mine } = await aSignedInUser(t, { role: 'client' });
    const { client: other } = await aSignedInUser(t, { role: 'client' });
    const card = (await mine.post('/api/billing-methods', aCard())).body;
    const bank = (await mine.post('/api/billing-methods', aBankAccount)).body;
    await other.post('/api/billing-methods', aCard());
    expect((await other.get('/api/billing-methods')).body.items.map((item: { id: string }) => item.id)).not.toContain(
      card.id,
    );
    expect((await other.post(`/api/billing-methods/${bank.id}/verify`, { amountsCents: [1, 2] })).status).toBe(404);
    expect((await other.post(`/api/billing-methods/${card.id}/default`)).status).toBe(404);
    expect((await other.delete(`/api/billing-methods/${card.id}`)).status).toBe(404);
    const stolen = await charge(other, { billingMethodId: card.id });
    expect(stolen.status).toBe(404);
    expect((await other.get('/api/payments/charges')).body.items).toEqual([]);
    expect((await mine.get('/api/billing-methods')).body.items).toHaveLength(2);
    // The bank account's attempts were not spent by the stranger.
    expect((await mine.get('/api/billing-methods')).body.items[1].bankAccount.verificationAttemptsLeft).toBe(3);
  });

  test('freelancers keep billing methods (for Connects) but cannot add funds; anonymous callers are refused', async () => {
    const { client: freelancer } = await aSignedInUser(t, { role: 'freelancer' });
    expect((await freelancer.post('/api/billing-methods', aCard())).status).toBe(201);
    expect((await freelancer.get('/api/billing-methods')).body.items).toHaveLength(1);
    const addFunds = await freelancer.post(
      '/api/payments/charges',
      { amountCents: 1000, currency: 'USD' },
      { 'idempotency-key': 'freelancer-funds' },
    );
    expect(addFunds.status).toBe(403);
    expect((await t.client().get('/api/payments/charges')).status).toBe(401);
  });
});
