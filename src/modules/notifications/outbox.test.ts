import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inTransaction } from '../../db/transaction.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { deliverDueEmails } from './deliver-emails.ts';
import { enqueueEmail } from './enqueue-email.ts';
import { aUser } from './test-support.ts';

// No SMTP_URL: the outbox keeps every email for operators.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

async function queue(to: string, subject: string, text: string, userId?: string): Promise<string> {
  const { id } = await inTransaction(t.services.db, (tx) =>
    enqueueEmail(tx, t.services.clock, { userId, to, subject, text, kind: 'accounts.password_reset' }),
  );
  return id;
}

describe('the outbox without SMTP', () => {
  test('due emails are held, not lost, and operators see them with their text', async () => {
    const user = await aUser(t, 'freelancer');
    const id = await queue(user.email, 'Reset your password', 'Open https://workroom.test/reset?token=abc', user.id);
    const report = await deliverDueEmails(t.services);
    expect(report).toMatchObject({ held: 1, sent: 0, claimed: 0 });

    const operator = await aUser(t, 'operator');
    const list = await operator.client.get('/api/operator/outbox?status=held');
    expect(list.status).toBe(200);
    expect(list.body.smtpConfigured).toBe(false);
    expect(list.body.counts.held).toBeGreaterThanOrEqual(1);
    const item = list.body.items.find((row: { id: string }) => row.id === id);
    expect(item).toMatchObject({
      to: user.email,
      subject: 'Reset your password',
      kind: 'accounts.password_reset',
      status: 'held',
      attempts: 0,
      sentAt: null,
    });
    expect(item.lastError).toContain('SMTP_URL');

    const detail = await operator.client.get(`/api/operator/outbox/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.text).toContain('reset?token=abc');

    // Another run changes nothing: held emails stay until an operator queues them again.
    expect(await deliverDueEmails(t.services)).toMatchObject({ held: 0 });
  });

  test('the status filter and paging work', async () => {
    for (let i = 0; i < 3; i++) await queue(`page${i}@example.test`, `Page ${i}`, 'Hi');
    const operator = await aUser(t, 'operator');
    const pending = await operator.client.get('/api/operator/outbox?status=pending&limit=2');
    expect(pending.body.items).toHaveLength(2);
    expect(pending.body.items.every((row: { status: string }) => row.status === 'pending')).toBe(true);
    const next = await operator.client.get(
      `/api/operator/outbox?status=pending&limit=2&cursor=${pending.body.nextCursor}`,
    );
    expect(next.body.items).toHaveLength(1);
    expect(next.body.nextCursor).toBeNull();
    expect((await operator.client.get('/api/operator/outbox?status=bogus')).status).toBe(400);
    await deliverDueEmails(t.services);
  });

  test('an operator can queue a held email again; a sent or pending one cannot be', async () => {
    const id = await queue('again@example.test', 'Queue me again', 'Hello');
    await deliverDueEmails(t.services);
    const operator = await aUser(t, 'operator');
    const retried = await operator.client.post(`/api/operator/outbox/${id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id, status: 'pending', attempts: 0 });
    const twice = await operator.client.post(`/api/operator/outbox/${id}/retry`);
    expect(twice.status).toBe(409);
    const missing = await operator.client.post('/api/operator/outbox/00000000-0000-4000-8000-000000000000/retry');
    expect(missing.status).toBe(404);
  });

  test('clients and freelancers cannot read the outbox', async () => {
    const id = await queue('secret@example.test', 'Private', 'A reset link');
    for (const role of ['client', 'freelancer'] as const) {
      const user = await aUser(t, role);
      expect((await user.client.get('/api/operator/outbox')).status).toBe(403);
      expect((await user.client.get(`/api/operator/outbox/${id}`)).status).toBe(403);
      expect((await user.client.post(`/api/operator/outbox/${id}/retry`)).status).toBe(403);
    }
    expect((await t.client().get('/api/operator/outbox')).status).toBe(401);
  });
});
