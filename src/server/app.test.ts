import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('the HTTP pipeline', () => {
  test('health reports the database', async () => {
    const res = await t.client().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.database.ok).toBe(true);
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  test('an unknown API route is a JSON 404 problem', async () => {
    const res = await t.client().get('/api/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 404, code: 'not_found' });
    expect(res.body.requestId).toBe(res.headers.get('x-request-id'));
  });

  test('the OpenAPI document is served', async () => {
    const res = await t.client().get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.paths['/api/health']).toBeDefined();
  });

  test('metrics are exposed in Prometheus format', async () => {
    const res = await t.client().get('/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toContain('workroom_http_request_duration_seconds');
  });
});

describe('the API contract', () => {
  test('Swagger UI is served at /docs', async () => {
    const res = await fetch(`${t.baseUrl}/docs/`, { redirect: 'follow' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('swagger');
  });

  test('the OpenAPI document lists every API route with a success response schema', async () => {
    const document = (await t.client().get('/openapi.json')).body as {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: unknown }> }>>;
    };
    const missing: string[] = [];
    const apiRoutes = t.app.registeredRoutes.filter((route) => route.url.startsWith('/api/') && !route.hidden);
    expect(apiRoutes.length).toBeGreaterThan(10);
    for (const route of apiRoutes) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      const operation = document.paths[path]?.[route.method.toLowerCase()];
      if (!operation) {
        missing.push(`${route.method} ${route.url}: not in the document`);
        continue;
      }
      const success = Object.entries(operation.responses ?? {}).filter(([status]) => status.startsWith('2'));
      if (success.length === 0) missing.push(`${route.method} ${route.url}: no success response schema`);
    }
    expect(missing).toEqual([]);
  });

  test('every API route declares who may call it', () => {
    const undeclared = t.app.registeredRoutes.filter((route) => route.url.startsWith('/api/') && !route.auth);
    expect(undeclared).toEqual([]);
  });
});
