import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DAY, HOUR } from '../../platform/clock.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { aSignedInUser } from '../accounts/test-factories.ts';
import { TEST_ROUTING_NUMBER } from './test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const ach = {
  type: 'us_bank_ach',
  accountHolder: 'Frida Freelancer',
  routingNumber: TEST_ROUTING_NUMBER,
  accountNumber: '000123456789',
  accountType: 'checking',
};

describe('payout methods', () => {
  test('the method types list each fee, minimum and delay as data', async () => {
    const { client } = await aSignedInUser(t, { role: 'freelancer' });
    const res = await client.get('/api/payouts/method-types');
    expect(res.status).toBe(200);
    expect(res.body.holdDays).toBe(3);
    const byType = Object.fromEntries(res.body.items.map((item: { type: string }) => [item.type, item]));
    expect(byType.us_bank_ach).toMatchObject({ feeCents: 0, processingDays: 2 });
    expect(byType.wire).toMatchObject({ feeCents: 3000, minimumCents: 10_000 });
    expect(byType.paypal).toMatchObject({ feeCents: 200 });
    expect(Object.keys(byType).sort()).toEqual(['local_bank', 'payoneer', 'paypal', 'us_bank_ach', 'wire']);
  });

  test('a new method is stored masked and held for 3 days, with a notification and an email', async () => {
    const freelancer = await aSignedInUser(t, { role: 'freelancer' });
    const added = await freelancer.client.post('/api/payouts/methods', ach);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      type: 'us_bank_ach',
      label: 'Checking account ····6789',
      usable: false,
      feeCents: 0,
    });
    expect(new Date(added.body.usableAt).getTime() - new Date(added.body.createdAt).getTime()).toBe(3 * DAY);
    const list = await freelancer.client.get('/api/payouts/methods');
    expect(list.text).not.toContain('000123456789');
    expect(list.body.items).toHaveLength(1);
    const notes = await freelancer.client.get('/api/notifications');
    expect(notes.body.items[0].title).toBe('Payout method added: Checking account ····6789');

    t.clock.advance(3 * DAY + HOUR);
    const later = await freelancer.client.get('/api/payouts/methods');
    expect(later.body.items[0].usable).toBe(true);
  });

  test.each([
    [{ ...ach, routingNumber: '123456789' }, 'routingNumber'],
    [{ ...ach, accountNumber: '12' }, 'accountNumber'],
    [
      { type: 'local_bank', accountHolder: 'A B', bankName: 'Sparkasse', country: 'US', accountNumber: '12345678' },
      'country',
    ],
    [
      {
        type: 'local_bank',
        accountHolder: 'A B',
        bankName: 'Sparkasse',
        country: 'DE',
        accountNumber: 'DE89370400440532013001',
      },
      'accountNumber',
    ],
    [
      {
        type: 'wire',
        accountHolder: 'A B',
        bankName: 'Deutsche Bank',
        country: 'FR',
        swiftCode: 'DEUTDEFF',
        accountNumber: '12345678',
      },
      'swiftCode',
    ],
    [{ type: 'paypal', email: 'not-an-email' }, 'email'],
  ])('bad details are refused naming the field (%#)', async (body, field) => {
    const { client } = await aSignedInUser(t, { role: 'freelancer' });
    const res = await client.post('/api/payouts/methods', body);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  test('IBANs, SWIFT codes and emails that check out are accepted', async () => {
    const { client } = await aSignedInUser(t, { role: 'freelancer' });
    const local = await client.post('/api/payouts/methods', {
      type: 'local_bank',
      accountHolder: 'Jonas Weber',
      bankName: 'Commerzbank',
      country: 'de',
      accountNumber: 'DE89 3704 0044 0532 0130 00',
    });
    expect(local.status).toBe(201);
    expect(local.body).toMatchObject({ label: 'Commerzbank ····3000', country: 'DE', feeCents: 99 });
    const wire = await client.post('/api/payouts/methods', {
      type: 'wire',
      accountHolder: 'Jonas Weber',
      bankName: 'Deutsche Bank',
      country: 'DE',
      swiftCode: 'deutdeff',
      accountNumber: 'DE89370400440532013000',
    });
    expect(wire.status).toBe(201);
    const payoneer = await client.post('/api/payouts/methods', { type: 'payoneer', email: 'Jonas.Weber@Example.com' });
    expect(payoneer.body.label).toBe('Payoneer · j•••@example.com');
  });

  test('only the owner sees and removes a method; clients cannot add one', async () => {
    const owner = await aSignedInUser(t, { role: 'freelancer' });
    const stranger = await aSignedInUser(t, { role: 'freelancer' });
    const client = await aSignedInUser(t, { role: 'client' });
    const added = await owner.client.post('/api/payouts/methods', { type: 'paypal', email: 'owner@example.com' });
    expect((await stranger.client.get('/api/payouts/methods')).body.items).toEqual([]);
    expect((await stranger.client.delete(`/api/payouts/methods/${added.body.id}`)).status).toBe(404);
    expect((await client.client.post('/api/payouts/methods', ach)).status).toBe(403);
    expect((await owner.client.delete(`/api/payouts/methods/${added.body.id}`)).status).toBe(204);
    expect((await owner.client.get('/api/payouts/methods')).body.items).toEqual([]);
  });
});
