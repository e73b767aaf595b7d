import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connect, type Database } from '../../db/client.ts';
import { DAY } from '../../platform/clock.ts';
import { buildApp } from '../../server/app.ts';
import { SESSION_COOKIE } from '../../server/auth.ts';
import type { Actor } from '../../server/context.ts';
import type { App } from '../../server/module.ts';
import { closeApp } from '../../server/shutdown.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { TestClient } from '../../test/http.ts';
import { type CachedSession, SessionCache } from './session-cache.ts';
import { sessions } from './tables.ts';
import { aSignedInUser } from './test-factories.ts';

describe('the cache itself', () => {
  const actor: Actor = { userId: 'u1', email: 'a@example.test', roles: ['client'], sessionId: 's1', apiTokenId: null };
  const now = new Date('2026-11-23T10:00:00Z');
  const entry: CachedSession = {
    actor,
    expiresAt: new Date(now.getTime() + DAY),
    lastSeenAt: now,
    lastActiveAt: now,
  };
  const aCache = (ttlMs = 30_000, maxEntries = 10) => {
    let monotonic = 0;
    const cache = new SessionCache(ttlMs, maxEntries, () => monotonic);
    return { cache, advance: (ms: number) => (monotonic += ms) };
  };

  test('serves nothing until it listens for changes, and nothing once it stops', () => {
    const { cache } = aCache();
    cache.set('h', entry, cache.mark);
    expect(cache.get('h', now)).toBeNull();
    cache.onListening(true);
    cache.set('h', entry, cache.mark);
    expect(cache.get('h', now)?.actor).toEqual(actor);
    cache.onListening(false);
    expect(cache.get('h', now)).toBeNull();
    cache.onListening(true);
    expect(cache.get('h', now)).toBeNull(); // what was cached before the gap is gone
  });

  test('an entry lives for the TTL, and never past the session’s own expiry', () => {
    const { cache, advance } = aCache(30_000);
    cache.onListening(true);
    cache.set('h', entry, cache.mark);
    advance(29_999);
    expect(cache.get('h', now)).not.toBeNull();
    expect(cache.get('h', entry.expiresAt)).toBeNull();
    cache.set('h', entry, cache.mark);
    advance(30_000);
    expect(cache.get('h', now)).toBeNull();
  });

  test('a change forgets everything, and a lookup that raced with a change is not kept', () => {
    const { cache } = aCache();
    cache.onListening(true);
    cache.set('a', entry, cache.mark);
    const markBeforeLookup = cache.mark;
    cache.onMessage();
    expect(cache.get('a', now)).toBeNull();
    cache.set('b', entry, markBeforeLookup);
    expect(cache.get('b', now)).toBeNull();
    expect(cache.size).toBe(0);
  });

  test('holds at most its size, dropping the oldest first', () => {
    const { cache } = aCache(30_000, 2);
    cache.onListening(true);
    for (const key of ['a', 'b', 'c']) cache.set(key, entry, cache.mark);
    expect(cache.size).toBe(2);
    expect(cache.get('a', now)).toBeNull();
    expect(cache.get('c', now)).not.toBeNull();
  });
});

describe('two app processes on one database', () => {
  let t: TestApp;
  let second: { app: App; database: Database; client: () => TestClient };

  beforeAll(async () => {
    t = await startTestApp();
    const database = connect(t.services.config.DATABASE_URL as string, { max: 4 });
    const app = await buildApp({ services: { ...t.services, db: database.db }, serveWeb: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    second = { app, database, client: () => new TestClient(url) };
  });
  afterAll(async () => {
    await closeApp(second.app, 200);
    await second.database.close();
    await t.close();
  });

  /** Asks until `check` holds: a change reaches other processes by NOTIFY, a moment after commit. */
  async function eventually(check: () => Promise<boolean>): Promise<void> {
    for (let attempt = 0; attempt < 200; attempt++) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('the change never reached the other process');
  }

  const onSecond = (token: string) => second.client().withHeaders({ cookie: `${SESSION_COOKIE}=${token}` });

  test('signing out on one process signs out on the other', async () => {
    const person = await aSignedInUser(t);
    const elsewhere = onSecond(person.sessionToken);
    expect((await elsewhere.get('/api/me')).status).toBe(200);
    expect((await elsewhere.get('/api/me')).status).toBe(200); // now from the second process's cache
    expect((await person.client.post('/api/auth/logout')).status).toBe(204);
    await eventually(async () => (await elsewhere.get('/api/me')).status === 401);
  });

  test('a session revoked by hand in the database is refused too', async () => {
    const person = await aSignedInUser(t);
    const elsewhere = onSecond(person.sessionToken);
    expect((await elsewhere.get('/api/me')).status).toBe(200);
    await t.services.db.update(sessions).set({ revokedAt: sql`now()` }).where(eq(sessions.userId, person.account.id));
    await eventually(async () => (await elsewhere.get('/api/me')).status === 401);
    expect((await person.client.get('/api/me')).status).toBe(401);
  });

  test('a role added on one process opens the role’s routes on the other', async () => {
    const person = await aSignedInUser(t, { role: 'freelancer' });
    const elsewhere = onSecond(person.sessionToken);
    expect((await elsewhere.get('/api/records/spending')).status).toBe(403);
    expect((await person.client.post('/api/me/roles', { role: 'client' })).status).toBe(200);
    await eventually(async () => (await elsewhere.get('/api/records/spending')).status === 200);
  });

  // Last: the clock only moves forward.
  test('an expired session is refused even while cached', async () => {
    const person = await aSignedInUser(t);
    expect((await person.client.get('/api/me')).status).toBe(200);
    t.clock.advance(31 * DAY);
    expect((await person.client.get('/api/me')).status).toBe(401);
  });
});
