import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { AppError } from '../platform/errors.ts';
import { startTestApp, type TestApp } from '../test/harness.ts';

let t: TestApp;
const logged: string[] = [];

beforeAll(async () => {
  t = await startTestApp(
    {},
    {
      configure(app) {
        app.post(
          '/api/test/echo',
          {
            schema: {
              body: z.object({ email: z.email(), age: z.number().int().min(18) }),
              response: { 200: z.object({ ok: z.boolean() }) },
            },
            config: { auth: 'public' },
          },
          async () => ({ ok: true }),
        );
        app.get('/api/test/boom', { config: { auth: 'public' } }, async () => {
          throw new Error('secret internal detail: connection string postgres://x');
        });
        app.get('/api/test/state', { config: { auth: 'public' } }, async () => {
          throw new AppError('invalid_state', { userMessage: 'The milestone is already paid.' });
        });
        app.post('/api/test/unique', { config: { auth: 'public' } }, async (request) => {
          await request.ctx.tx(async (tx) => {
            await tx.execute(sql`create temporary table t (id int primary key) on commit drop`);
            await tx.execute(sql`insert into t values (1), (1)`);
          });
          return {};
        });
        app.post('/api/test/foreign-key', { config: { auth: 'public' } }, async (request) => {
          await request.ctx.tx(async (tx) => {
            await tx.execute(sql`insert into sessions (id, user_id, token_hash, created_at, last_seen_at, expires_at)
              values (gen_random_uuid(), gen_random_uuid(), 'x', now(), now(), now())`);
          });
          return {};
        });
        const Presented = z.object({ id: z.uuid(), name: z.string() });
        app.get(
          '/api/test/presented',
          { schema: { response: { 200: Presented } }, config: { auth: 'public' } },
          async () => ({ id: '6f744dc5-0cbf-4ee3-b325-329d2067414e', name: 'Ada', passwordHash: 'secret-hash' }),
        );
        app.get(
          '/api/test/misshapen',
          { schema: { response: { 200: Presented } }, config: { auth: 'public' } },
          async () => ({ id: 'not-a-uuid', name: 'Ada' }),
        );
        app.addHook('onError', async (_request, _reply, error) => {
          logged.push(String(error.stack));
        });
      },
    },
  );
});
afterAll(async () => {
  await t.close();
});

describe('problem+json answers', () => {
  test('bad input is a 400 naming each offending field', async () => {
    const res = await t.client().post('/api/test/echo', { email: 'not-an-email', age: 12 });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('validation_failed');
    const fields = res.body.errors.map((issue: { field: string }) => issue.field).sort();
    expect(fields).toEqual(['age', 'email']);
  });

  test('a malformed JSON body is a 400, not a 500', async () => {
    const res = await t.client().post('/api/test/echo', '{"email":', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
  });

  test('an unknown error is a generic 500 with the request id; the stack stays in the log', async () => {
    const res = await t.client().get('/api/test/boom');
    expect(res.status).toBe(500);
    expect(res.body.code).toBe('internal');
    expect(res.body.requestId).toBe(res.headers.get('x-request-id'));
    expect(res.text).not.toContain('secret internal detail');
    expect(res.text).not.toContain('.ts:');
    expect(logged.some((line) => line.includes('secret internal detail'))).toBe(true);
  });

  test('a response keeps only the fields its schema declares', async () => {
    const res = await t.client().get('/api/test/presented');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: '6f744dc5-0cbf-4ee3-b325-329d2067414e', name: 'Ada' });
    expect(res.text).not.toContain('secret-hash');
  });

  test('a response that breaks its schema is a generic 500, never sent', async () => {
    const res = await t.client().get('/api/test/misshapen');
    expect(res.status).toBe(500);
    expect(res.body.code).toBe('internal');
    expect(res.text).not.toContain('not-a-uuid');
  });

  test('an AppError keeps its code, status and user message', async () => {
    const res = await t.client().get('/api/test/state');
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'invalid_state', detail: 'The milestone is already paid.', status: 409 });
  });

  test('a unique violation is a 409 and a foreign-key violation a 404', async () => {
    const unique = await t.client().post('/api/test/unique');
    expect(unique.status).toBe(409);
    expect(unique.body.code).toBe('already_exists');
    const foreign = await t.client().post('/api/test/foreign-key');
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('not_found');
  });

  test('a request id sent by a proxy is kept', async () => {
    const res = await t.client().get('/api/nope', { 'x-request-id': 'edge-1234abcd' });
    expect(res.body.requestId).toBe('edge-1234abcd');
  });
});
