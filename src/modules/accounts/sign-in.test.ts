import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { TestClient } from '../../test/http.ts';
import { getPublicUsers } from './public-users.ts';
import { aSignedInUser } from './test-factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_AUTH_PER_MINUTE: '10000' });
});
afterAll(async () => {
  await t.close();
});

let seq = 0;
const password = 'correct horse battery staple';
const newEmail = () => `person${++seq}@example.test`;

async function signUp(client: TestClient, overrides: Record<string, unknown> = {}) {
  const body = { email: newEmail(), password, displayName: 'Ada Lovelace', role: 'freelancer', ...overrides };
  const res = await client.post('/api/auth/signup', body);
  return { res, email: String(body.email).toLowerCase() };
}

describe('sign-up, me, log-out', () => {
  test('signing up creates the account and signs in with a hardened cookie', async () => {
    const c = t.client();
    const { res } = await signUp(c, { email: '  Ada.Lovelace@Example.TEST ', role: 'client' });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({
      email: 'ada.lovelace@example.test',
      displayName: 'Ada Lovelace',
      roles: ['client'],
    });
    const cookie = res.headers.getSetCookie().find((line) => line.startsWith('wr_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/Max-Age=2592000/);
    expect(cookie).not.toMatch(/Secure/i);

    const me = await c.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual(res.body.user);
  });

  test('the same email cannot sign up twice, whatever its case', async () => {
    const { email } = await signUp(t.client());
    const again = await signUp(t.client(), { email: email.toUpperCase() });
    expect(again.res.status).toBe(409);
    expect(again.res.body.code).toBe('already_exists');
    expect(again.res.body.errors).toEqual([expect.objectContaining({ field: 'email' })]);
  });

  test('sign-up refuses a bad email and the operator role', async () => {
    const badEmail = await signUp(t.client(), { email: 'not-an-email' });
    expect(badEmail.res.status).toBe(400);
    expect(badEmail.res.body.errors[0].field).toBe('email');
    const operator = await signUp(t.client(), { role: 'operator' });
    expect(operator.res.status).toBe(400);
  });

  test('log-out ends the session and clears the cookie', async () => {
    const c = t.client();
    await signUp(c);
    const token = c.cookie('wr_session');
    const out = await c.post('/api/auth/logout');
    expect(out.status).toBe(204);
    expect(c.cookie('wr_session')).toBeUndefined();
    expect((await c.get('/api/me')).status).toBe(401);
    // Replaying the old cookie does not work either: the session is revoked server-side.
    const replay = t.client().withHeaders({ cookie: `wr_session=${token}` });
    expect((await replay.get('/api/me')).status).toBe(401);
  });

  test('a user can rename themselves and add the other role, never operator', async () => {
    const c = t.client();
    await signUp(c, { role: 'client' });
    const renamed = await c.patch('/api/me', { displayName: '  Grace Hopper ' });
    expect(renamed.body.displayName).toBe('Grace Hopper');
    const both = await c.post('/api/me/roles', { role: 'freelancer' });
    expect(both.status).toBe(200);
    expect(both.body.roles).toEqual(['client', 'freelancer']);
    const twice = await c.post('/api/me/roles', { role: 'freelancer' });
    expect(twice.body.roles).toEqual(['client', 'freelancer']);
    const operator = await c.post('/api/me/roles', { role: 'operator' });
    expect(operator.status).toBe(400);
    expect((await c.get('/api/me')).body.roles).toEqual(['client', 'freelancer']);
  });
});

describe('password rules', () => {
  test.each([
    ['too short', 'elevenchars', 'weak_password'],
    ['too long', 'x'.repeat(129), 'weak_password'],
    ['among the 10,000 most common (any case)', 'UnBelievable', 'weak_password'],
  ])('%s is refused naming the field', async (_label, candidate) => {
    const { res, email } = await signUp(t.client(), { password: candidate });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('weak_password');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'password' })]);
    // Nothing was created: the email is still free.
    expect((await signUp(t.client(), { email })).res.status).toBe(201);
  });

  test('12 and 128 characters are accepted', async () => {
    expect((await signUp(t.client(), { password: 'q7#Lm2!vRx9z' })).res.status).toBe(201);
    expect((await signUp(t.client(), { password: `${'k'.repeat(120)}12345678` })).res.status).toBe(201);
  });
});

describe('log-in', () => {
  test('a wrong password and an unknown email get the same answer', async () => {
    const { email } = await signUp(t.client());
    const wrong = await t.client().post('/api/auth/login', { email, password: 'not the right password' });
    const unknown = await t.client().post('/api/auth/login', { email: 'nobody@example.test', password });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.code).toBe('invalid_credentials');
    expect(unknown.body.detail).toBe(wrong.body.detail);
  });

  test('each log-in rotates the session: the old cookie stops working', async () => {
    const c = t.client();
    const { email } = await signUp(c);
    const before = c.cookie('wr_session');
    const login = await c.post('/api/auth/login', { email: email.toUpperCase(), password });
    expect(login.status).toBe(200);
    expect(login.body.user.email).toBe(email);
    const after = c.cookie('wr_session');
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    expect((await c.get('/api/me')).status).toBe(200);
    const old = t.client().withHeaders({ cookie: `wr_session=${before}` });
    expect((await old.get('/api/me')).status).toBe(401);
  });

  test('a session expires after SESSION_TTL_DAYS', async () => {
    const c = t.client();
    await signUp(c);
    t.clock.advance(29 * 24 * 3600_000);
    expect((await c.get('/api/me')).status).toBe(200);
    t.clock.advance(2 * 24 * 3600_000);
    expect((await c.get('/api/me')).status).toBe(401);
  });
});

describe('change password', () => {
  test('ends every other session, keeps the caller signed in with a new cookie, and keeps API tokens', async () => {
    const laptop = t.client();
    const { email } = await signUp(laptop);
    const phone = t.client();
    await phone.post('/api/auth/login', { email, password });
    const token = (await laptop.post('/api/me/tokens', { name: 'tracker' })).body.token as string;
    const laptopCookie = laptop.cookie('wr_session');

    const changed = await laptop.post('/api/auth/password', {
      currentPassword: password,
      newPassword: 'an even better passphrase',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.email).toBe(email);
    expect(laptop.cookie('wr_session')).not.toBe(laptopCookie);
    expect((await laptop.get('/api/me')).status).toBe(200);
    expect((await phone.get('/api/me')).status).toBe(401);
    expect((await t.client().withToken(token).get('/api/me')).status).toBe(200);

    const oldLogin = await t.client().post('/api/auth/login', { email, password });
    expect(oldLogin.status).toBe(401);
    const newLogin = await t.client().post('/api/auth/login', { email, password: 'an even better passphrase' });
    expect(newLogin.status).toBe(200);
  });

  test('needs the current password and a strong new one', async () => {
    const c = t.client();
    await signUp(c);
    const wrongCurrent = await c.post('/api/auth/password', {
      currentPassword: 'not my password at all',
      newPassword: 'an even better passphrase',
    });
    expect(wrongCurrent.status).toBe(400);
    expect(wrongCurrent.body.errors[0].field).toBe('currentPassword');
    const weak = await c.post('/api/auth/password', { currentPassword: password, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('weak_password');
    expect(weak.body.errors[0].field).toBe('newPassword');
    expect((await c.get('/api/me')).status).toBe(200);
  });
});

describe('sessions in settings', () => {
  test('lists own devices, marks the current one, and signs out another', async () => {
    const laptop = t.client().withHeaders({ 'user-agent': 'Laptop Firefox' });
    const { email } = await signUp(laptop);
    const phone = t.client().withHeaders({ 'user-agent': 'Phone Safari' });
    await phone.post('/api/auth/login', { email, password });

    const list = await laptop.get('/api/me/sessions');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
    const current = list.body.items.find((s: { current: boolean }) => s.current);
    const other = list.body.items.find((s: { current: boolean }) => !s.current);
    expect(current.userAgent).toBe('Laptop Firefox');
    expect(other.userAgent).toBe('Phone Safari');

    // A stranger cannot see or end these sessions.
    const stranger = t.client();
    await signUp(stranger);
    expect((await stranger.delete(`/api/me/sessions/${other.id}`)).status).toBe(404);
    expect((await phone.get('/api/me')).status).toBe(200);

    expect((await laptop.delete(`/api/me/sessions/${other.id}`)).status).toBe(204);
    expect((await phone.get('/api/me')).status).toBe(401);
    expect((await laptop.get('/api/me/sessions')).body.items).toHaveLength(1);
    expect((await laptop.delete(`/api/me/sessions/${other.id}`)).status).toBe(404);
  });
});

describe('activity', () => {
  test('last seen times are refreshed at most every five minutes and show publicly', async () => {
    const c = t.client();
    const { res } = await signUp(c);
    const userId = res.body.user.id as string;
    const lastSeen = async () => (await c.get('/api/me/sessions')).body.items[0].lastSeenAt as string;
    const firstSeen = await lastSeen();
    t.clock.advance(60_000);
    expect(await lastSeen()).toBe(firstSeen);
    t.clock.advance(5 * 60_000);
    const later = await lastSeen();
    expect(new Date(later).getTime()).toBeGreaterThan(new Date(firstSeen).getTime());
    const publicView = (await getPublicUsers(t.services.db, [userId])).get(userId);
    expect(publicView?.lastActiveAt?.toISOString()).toBe(later);
    expect(publicView?.displayName).toBe('Ada Lovelace');
  });
});

describe('failed log-ins slow down', () => {
  test('five failures lock the account for 30 s, each further failure doubles it, success resets', async () => {
    const { account, password: rightPassword } = await aSignedInUser(t);
    const login = (pass: string) => t.client().post('/api/auth/login', { email: account.email, password: pass });
    t.clock.freeze();
    for (let i = 0; i < 5; i++) expect((await login('wrong password!')).status).toBe(401);

    // Locked: even the right password is refused, without checking it.
    const locked = await login(rightPassword);
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('rate_limited');
    expect(locked.headers.get('retry-after')).toBe('30');

    t.clock.advance(30_000);
    expect((await login('wrong again!!')).status).toBe(401);
    const longer = await login(rightPassword);
    expect(longer.status).toBe(429);
    expect(longer.headers.get('retry-after')).toBe('60');
    t.clock.advance(59_000);
    expect((await login(rightPassword)).status).toBe(429);

    t.clock.advance(1_000);
    expect((await login(rightPassword)).status).toBe(200);

    // The success reset the count: four more failures do not lock.
    for (let i = 0; i < 4; i++) expect((await login('wrong password!')).status).toBe(401);
    expect((await login(rightPassword)).status).toBe(200);
  });
});
