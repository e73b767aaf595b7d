import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { newId } from '../../platform/ids.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  // CLOCK_CONTROL adds the /api/dev routes, so they are walked too.
  t = await startTestApp({ CLOCK_CONTROL: 'true' });
});
afterAll(async () => {
  await t.close();
});

/**
 * The routes an anonymous caller may use. A route missing here that answers an anonymous
 * caller with anything but 401 fails the test: making a route public must be a decision.
 */
const PUBLIC_ROUTES = new Set([
  'GET /api/health',
  'POST /api/auth/signup',
  'POST /api/auth/login',
  'POST /api/auth/password-reset/request',
  'POST /api/auth/password-reset/confirm',
  'GET /api/taxonomy',
  'GET /api/skills',
  'GET /api/freelancers/:userId',
  // Decided per file by the owning object's rule (a public portfolio file is public).
  'GET /api/files/:id',
  'GET /api/dev/clock',
]);

/** Every registered route, read from Fastify's own route tree (so hidden routes are included). */
function registeredRoutes(): { method: string; url: string }[] {
  const tree = t.app.printRoutes({ commonPrefix: false });
  const pathAtDepth: string[] = [];
  const routes: { method: string; url: string }[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/u.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    pathAtDepth[depth] = match[2] ?? '';
    pathAtDepth.length = depth + 1;
    const url = pathAtDepth.join('');
    for (const method of (match[3] ?? '').split(', ').filter(Boolean)) routes.push({ method, url });
  }
  return routes;
}

describe('every route declares who may call it', () => {
  test('the route tree is read completely', () => {
    const routes = registeredRoutes().map((route) => `${route.method} ${route.url}`);
    expect(routes).toContain('GET /api/me');
    expect(routes).toContain('DELETE /api/me/tokens/:id');
    expect(routes).toContain('POST /api/auth/password-reset/confirm');
  });

  test('every /api route not marked public answers an anonymous caller 401', async () => {
    const apiRoutes = registeredRoutes().filter((route) => route.url.startsWith('/api/') && route.method !== 'HEAD');
    expect(apiRoutes.length).toBeGreaterThan(20);
    const anonymous = t.client();
    const wronglyOpen: string[] = [];
    const wronglyClosed: string[] = [];
    for (const route of apiRoutes) {
      const key = `${route.method} ${route.url}`;
      const path = route.url.replace(/:\w+/g, newId()).replace(/\*$/, 'anything');
      const res = await anonymous.request(route.method, path, route.method === 'GET' ? undefined : {});
      if (PUBLIC_ROUTES.has(key)) {
        if (res.status === 401) wronglyClosed.push(key);
      } else if (res.status !== 401) {
        wronglyOpen.push(`${key} -> ${res.status}`);
      }
    }
    expect(wronglyOpen).toEqual([]);
    expect(wronglyClosed).toEqual([]);
  });

  test('a signed-out caller gets a problem+json 401 naming the code', async () => {
    const res = await t.client().get('/api/me');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('unauthenticated');
  });
});
