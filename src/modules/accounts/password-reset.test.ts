import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeCtx } from '../../server/context.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { listOutbox } from '../notifications/list-outbox.ts';
import { createOperator } from './create-operator.ts';
import { aSignedInUser } from './test-factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_AUTH_PER_MINUTE: '10000' });
});
afterAll(async () => {
  await t.close();
});

/** The reset emails in the outbox, read as an operator would through the notifications module. */
async function resetEmailsTo(email: string) {
  const operator = await createOperator(t.services, {
    email: `ops-${Math.random().toString(36).slice(2)}@example.test`,
    password: 'operator passphrase 2026',
    displayName: 'Ops',
  });
  const ctx = makeCtx(
    t.services,
    { userId: operator.id, email: operator.email, roles: ['operator'], sessionId: null, apiTokenId: null },
    'test',
  );
  const page = await listOutbox(ctx, { limit: 200 });
  return page.items.filter((item) => item.toAddress === email && item.kind === 'accounts.password_reset');
}

function tokenFrom(text: string): string {
  const link = /(http\S+\/reset-password\?token=(\S+))/.exec(text);
  expect(link?.[1]?.startsWith(`${t.services.config.publicUrl}/reset-password?token=`)).toBe(true);
  return decodeURIComponent(link?.[2] ?? '');
}

describe('password reset by emailed link', () => {
  test('end to end: request, email, confirm, old sessions ended, link single-use', async () => {
    const { account, client: oldDevice } = await aSignedInUser(t, { role: 'freelancer' });
    const anonymous = t.client();
    const requested = await anonymous.post('/api/auth/password-reset/request', { email: account.email.toUpperCase() });
    expect(requested.status).toBe(202);

    const emails = await resetEmailsTo(account.email);
    expect(emails).toHaveLength(1);
    const token = tokenFrom(emails[0]?.textBody ?? '');

    const weak = await anonymous.post('/api/auth/password-reset/confirm', { token, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0].field).toBe('newPassword');

    const confirmed = await anonymous.post('/api/auth/password-reset/confirm', {
      token,
      newPassword: 'my brand new passphrase',
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.user.id).toBe(account.id);
    expect((await anonymous.get('/api/me')).body.id).toBe(account.id);
    expect((await oldDevice.get('/api/me')).status).toBe(401);

    const login = await t.client().post('/api/auth/login', {
      email: account.email,
      password: 'my brand new passphrase',
    });
    expect(login.status).toBe(200);

    const reused = await t.client().post('/api/auth/password-reset/confirm', {
      token,
      newPassword: 'yet another passphrase',
    });
    expect(reused.status).toBe(410);
    expect(reused.body.code).toBe('gone');
  });

  test('an unknown email is answered exactly like a known one, and no email is written', async () => {
    const res = await t.client().post('/api/auth/password-reset/request', { email: 'nobody-here@example.test' });
    expect(res.status).toBe(202);
    const { account } = await aSignedInUser(t);
    const known = await t.client().post('/api/auth/password-reset/request', { email: account.email });
    expect(known.body).toEqual(res.body);
    expect(await resetEmailsTo('nobody-here@example.test')).toHaveLength(0);
  });

  test('a link expires after one hour', async () => {
    const { account } = await aSignedInUser(t);
    await t.client().post('/api/auth/password-reset/request', { email: account.email });
    const [email] = await resetEmailsTo(account.email);
    const token = tokenFrom(email?.textBody ?? '');
    t.clock.advance(60 * 60_000 + 1_000);
    const res = await t
      .client()
      .post('/api/auth/password-reset/confirm', { token, newPassword: 'too late passphrase' });
    expect(res.status).toBe(410);
    const login = await t.client().post('/api/auth/login', { email: account.email, password: 'too late passphrase' });
    expect(login.status).toBe(401);
  });

  test('a made-up token is not found', async () => {
    const res = await t.client().post('/api/auth/password-reset/confirm', {
      token: 'x'.repeat(43),
      newPassword: 'some good passphrase',
    });
    expect(res.status).toBe(404);
  });
});
