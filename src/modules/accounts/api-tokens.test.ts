import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { aSignedInUser } from './test-factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('personal API tokens', () => {
  test('create, use as Bearer, list without the secret, revoke, then 401', async () => {
    const { account, client } = await aSignedInUser(t, { role: 'freelancer' });
    const created = await client.post('/api/me/tokens', { name: 'hourly tracker' });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^wr_[A-Za-z0-9_-]{43}$/);
    expect(created.body.token.startsWith(created.body.prefix)).toBe(true);
    expect(created.body.name).toBe('hourly tracker');

    const script = t.client().withToken(created.body.token);
    const me = await script.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(account.id);

    const list = await client.get('/api/me/tokens');
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: created.body.id, name: 'hourly tracker', prefix: created.body.prefix }),
    ]);
    expect(list.body.items[0].lastUsedAt).not.toBeNull();
    expect(list.text).not.toContain(created.body.token);

    expect((await client.delete(`/api/me/tokens/${created.body.id}`)).status).toBe(204);
    const after = await script.get('/api/me');
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('unauthenticated');
    expect((await client.get('/api/me/tokens')).body.items).toEqual([]);
  });

  test("another user's token cannot be revoked (404) and keeps working", async () => {
    const owner = await aSignedInUser(t);
    const stranger = await aSignedInUser(t);
    const created = await owner.client.post('/api/me/tokens', { name: 'ci' });
    expect((await stranger.client.delete(`/api/me/tokens/${created.body.id}`)).status).toBe(404);
    expect((await t.client().withToken(created.body.token).get('/api/me')).status).toBe(200);
  });

  test('a made-up bearer token is refused', async () => {
    expect((await t.client().withToken('wr_made-up').get('/api/me')).status).toBe(401);
    expect((await t.client().withToken('something-else').get('/api/me')).status).toBe(401);
  });
});

describe('CSRF defence', () => {
  test('a cookie-authenticated change from a foreign Origin is refused', async () => {
    const { client } = await aSignedInUser(t);
    const res = await client.patch('/api/me', { displayName: 'Hacked' }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('csrf_failed');
    expect((await client.get('/api/me')).body.displayName).not.toBe('Hacked');
  });

  test('a cookie-authenticated change with neither Origin nor Referer is refused', async () => {
    const { client, sessionToken } = await aSignedInUser(t);
    // Raw fetch: the test client would add our Origin.
    const res = await fetch(`${t.baseUrl}/api/me`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: `wr_session=${sessionToken}` },
      body: JSON.stringify({ displayName: 'Hacked' }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe('csrf_failed');
    expect((await client.get('/api/me')).body.displayName).not.toBe('Hacked');
  });

  test('log-in from a foreign Origin is refused too (login CSRF)', async () => {
    const res = await t
      .client()
      .post(
        '/api/auth/login',
        { email: 'a@example.test', password: 'whatever pass' },
        { origin: 'https://evil.example' },
      );
    expect(res.status).toBe(403);
  });

  test('Bearer requests are exempt: scripts send no Origin', async () => {
    const { client } = await aSignedInUser(t);
    const token = (await client.post('/api/me/tokens', { name: 'script' })).body.token as string;
    const res = await fetch(`${t.baseUrl}/api/me`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ displayName: 'From a script' }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { displayName: string }).displayName).toBe('From a script');
  });
});
