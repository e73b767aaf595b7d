import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../server/app.ts';
import type { App } from '../../server/module.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { TestClient } from '../../test/http.ts';

let t: TestApp;
let secondProcess: App;
let secondClient: () => TestClient;
beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_AUTH_PER_MINUTE: '3' });
  // A second app on the same database stands for a second server process.
  secondProcess = await buildApp({ services: t.services, serveWeb: false });
  await secondProcess.listen({ port: 0, host: '127.0.0.1' });
  const address = secondProcess.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  secondClient = () => new TestClient(`http://127.0.0.1:${port}`);
});
afterAll(async () => {
  await secondProcess.close();
  await t.close();
});

/** Puts the frozen clock at the start of a fresh one-minute window. */
function startOfNextMinute() {
  const next = Math.ceil(t.clock.now().getTime() / 60_000) * 60_000 + 60_000;
  t.clock.freeze(new Date(Math.max(next, t.clock.now().getTime())));
}

const attempt = (client: TestClient) =>
  client.post('/api/auth/login', { email: 'someone@example.test', password: 'guessing passwords' });

describe('rate limit on sign-in and sign-up', () => {
  test('the limit per IP holds across processes, answers 429 with Retry-After, and resets next minute', async () => {
    startOfNextMinute();
    expect((await attempt(t.client())).status).toBe(401);
    expect((await attempt(secondClient())).status).toBe(401);
    expect((await attempt(t.client())).status).toBe(401);
    t.clock.advance(20_000);
    const limited = await attempt(secondClient());
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('rate_limited');
    expect(limited.headers.get('retry-after')).toBe('40');

    // Sign-up has its own budget.
    const signUp = await t.client().post('/api/auth/signup', {
      email: 'new.person@example.test',
      password: 'a perfectly fine passphrase',
      displayName: 'New Person',
      role: 'client',
    });
    expect(signUp.status).toBe(201);

    t.clock.advance(40_000);
    expect((await attempt(t.client())).status).toBe(401);
  });

  test('sign-up is limited too', async () => {
    startOfNextMinute();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await t.client().post('/api/auth/signup', { email: `bulk${i}@example.test`, password: 'x' });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([400, 400, 400, 429]);
  });
});
