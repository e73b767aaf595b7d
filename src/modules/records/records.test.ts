import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DAY, HOUR } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { aFixedPriceContract } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { aSignedInUser } from '../accounts/test-factories.ts';
import { payoutsModule } from '../payouts/module.ts';
import { aFundedClient, creditEarning } from '../payouts/test-support.ts';
import { runDueTasks } from '../scheduler/run-due-tasks.ts';
import { csvField } from './csv.ts';
import { pdfText } from './pdf-text.test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const runTasks = () => runDueTasks(t.services, payoutsModule.tasks ?? []);

async function pdf(client: { baseUrl: string }, path: string, cookie: string) {
  const res = await fetch(client.baseUrl + path, { headers: { cookie } });
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
}

describe('a client’s records', () => {
  test('charges appear with running balances, as CSV, and as PDF receipts for the client only', async () => {
    const client = await aFundedClient(t, 12_345);
    const more = await client.client.post(
      '/api/payments/charges',
      { amountCents: 100_000, currency: 'USD' },
      { 'idempotency-key': newId() },
    );
    expect(more.status).toBe(201);
    const history = await client.client.get('/api/records/transactions');
    expect(history.status).toBe(200);
    expect(history.body.accounts).toEqual([{ name: 'funding', currency: 'USD', balanceCents: 112_345 }]);
    expect(history.body.items).toMatchObject([
      {
        type: 'charge',
        amountCents: 100_000,
        balanceCents: 112_345,
        account: 'funding',
        description: 'Funds added by payment',
      },
      { type: 'charge', amountCents: 12_345, balanceCents: 12_345 },
    ]);

    const csv = await client.client.get('/api/records/transactions?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(
      /^attachment; filename="workroom-transactions-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const rows = csv.text.trimEnd().split('\r\n');
    expect(rows[0]).toBe('Date (UTC),Reference,Type,Description,Account,Amount,Currency,Balance,Status');
    expect(rows[1]).toMatch(/,charge,Funds added by payment,funding,1000\.00,USD,1123\.45,$/);
    expect(rows).toHaveLength(3);

    const invoices = await client.client.get('/api/records/invoices');
    expect(invoices.body.items).toHaveLength(2);
    const receipt = invoices.body.items[1];
    expect(receipt).toMatchObject({
      kind: 'receipt',
      amountCents: 12_345,
      number: expect.stringMatching(/^WR-\d{8}-[0-9A-F]{8}$/),
    });
    const cookie = `wr_session=${client.sessionToken}`;
    const file = await pdf(client.client, receipt.pdfUrl, cookie);
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/pdf');
    expect(file.body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(file.body);
    expect(text).toContain('Receipt');
    expect(text).toContain(receipt.number);
    expect(text).toContain('$123.45');
    expect(text).toContain('Total charged');

    const stranger = await aSignedInUser(t, { role: 'client' });
    expect((await pdf(t.client(), receipt.pdfUrl, `wr_session=${stranger.sessionToken}`)).status).toBe(404);
    expect((await pdf(t.client(), receipt.pdfUrl, '')).status).toBe(401);
  });

  test('spending adds up what was paid in', async () => {
    const client = await aFundedClient(t, 7_500);
    const res = await client.client.get('/api/records/spending');
    expect(res.body).toMatchObject({ balanceCents: 7_500, paidInCents: 7_500, feesCents: 0, spentCents: 0 });
    expect(res.body.months).toHaveLength(1);
  });

  test('spending counts escrow funding as spent and its marketplace fee as fees', async () => {
    const contract = await aFixedPriceContract(t, { amounts: [30_000], clientFundsCents: 50_000 });
    const res = await contract.client.http.get('/api/records/spending');
    expect(res.status).toBe(200);
    const { paidInCents, feesCents, spentCents, refundedCents, balanceCents, months } = res.body;
    expect(paidInCents).toBeGreaterThanOrEqual(50_000);
    expect(feesCents).toBeGreaterThan(0);
    expect(spentCents).toBe(30_000);
    expect(refundedCents).toBe(0);
    expect(balanceCents).toBe(paidInCents - spentCents - feesCents);
    expect(months).toEqual([{ month: t.clock.now().toISOString().slice(0, 7), paidInCents, spentCents }]);
  });
});

describe('a freelancer’s records', () => {
  test('earning, service fee, clearance and withdrawal rows, with running balances, filters and pages', async () => {
    const client = await aFundedClient(t, 100_000);
    const freelancer = await aSignedInUser(t, { role: 'freelancer' });
    const earning = await creditEarning(t, {
      clientId: client.account.id,
      freelancerId: freelancer.account.id,
      grossCents: 50_000,
      feeCents: 10_000,
      description: 'Logo, "final", v2',
    });
    const method = await freelancer.client.post('/api/payouts/methods', { type: 'paypal', email: 'rec@example.com' });
    t.clock.advance(5 * DAY + HOUR);
    await runTasks();
    const withdrawal = await freelancer.client.post(
      '/api/payouts/withdrawals',
      { payoutMethodId: method.body.id, amountCents: 10_000, currency: 'USD' },
      { 'idempotency-key': newId() },
    );
    expect(withdrawal.status).toBe(201);

    const all = await freelancer.client.get('/api/records/transactions');
    expect(
      all.body.items.map((line: { type: string; account: string; amountCents: number; balanceCents: number }) => [
        line.type,
        line.account,
        line.amountCents,
        line.balanceCents,
      ]),
    ).toEqual([
      ['fee', 'available', -200, 30_000],
      ['withdrawal', 'available', -9_800, 30_200],
      ['clearance', 'available', 40_000, 40_000],
      ['clearance', 'pending', -40_000, 0],
      ['fee', 'pending', -10_000, 40_000],
      ['earning', 'pending', 50_000, 50_000],
    ]);
    expect(all.body.items[1]).toMatchObject({
      description: 'Withdrawal to PayPal · r•••@example.com',
      status: 'in_flight',
    });
    expect(all.body.items[5]).toMatchObject({
      description: 'Earning: Logo, "final", v2',
      documentUrl: `/api/records/${earning.creditTransferId}/invoice.pdf`,
    });

    const invoices = await freelancer.client.get('/api/records/invoices');
    expect(invoices.body.items).toEqual([
      expect.objectContaining({ kind: 'invoice', amountCents: 50_000, creditedCents: 40_000, currency: 'USD' }),
    ]);
    const adjustments = await freelancer.client.get('/api/records/transactions?type=adjustment');
    expect(adjustments.body.items).toEqual([]);

    const fees = await freelancer.client.get('/api/records/transactions?type=fee');
    expect(fees.body.items.map((line: { amountCents: number }) => line.amountCents)).toEqual([-200, -10_000]);
    const pending = await freelancer.client.get('/api/records/transactions?account=pending');
    expect(pending.body.items).toHaveLength(3);
    const day = t.clock.now().toISOString().slice(0, 10);
    const today = await freelancer.client.get(`/api/records/transactions?from=${day}&to=${day}`);
    expect(today.body.items.map((line: { type: string }) => line.type)).toEqual([
      'fee',
      'withdrawal',
      'clearance',
      'clearance',
    ]);
    const badRange = await freelancer.client.get('/api/records/transactions?from=2026-02-01&to=2026-01-01');
    expect(badRange.status).toBe(400);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await freelancer.client.get(
        `/api/records/transactions?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((line) => line.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.body.items.map((line: { id: string }) => line.id));

    const csv = await freelancer.client.get('/api/records/transactions?format=csv&account=pending');
    expect(csv.text).toContain(',earning,"Earning: Logo, ""final"", v2",pending,500.00,USD,500.00,');

    const cookie = `wr_session=${freelancer.sessionToken}`;
    const mine = pdfText((await pdf(t.client(), all.body.items[5].documentUrl, cookie)).body);
    expect(mine).toContain('Invoice');
    expect(mine).toContain('$500.00');
    expect(mine).toContain('Workroom service fee (deducted)');
    expect(mine).toContain('-$100.00');
    expect(mine).toContain('$400.00');
    const theirs = pdfText(
      (await pdf(t.client(), all.body.items[5].documentUrl, `wr_session=${client.sessionToken}`)).body,
    );
    expect(theirs).toContain('$500.00');
    expect(theirs).not.toContain('service fee');
    const other = await aSignedInUser(t, { role: 'freelancer' });
    expect((await pdf(t.client(), all.body.items[5].documentUrl, `wr_session=${other.sessionToken}`)).status).toBe(404);
    // A withdrawal has no document.
    expect((await pdf(t.client(), `/api/records/${all.body.items[1].transferId}/invoice.pdf`, cookie)).status).toBe(
      404,
    );
  });
});

describe('CSV fields', () => {
  test.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['@cmd', "'@cmd"],
  ])('%j is written as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  test('numbers are never prefixed', () => {
    expect(csvField('-12.50', { text: false })).toBe('-12.50');
  });
});
