import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { connect, type Database } from '../db/client.ts';
import { aSignedInUser } from '../modules/accounts/test-factories.ts';
import { idempotencyModule } from '../modules/idempotency/module.ts';
import { MINUTE } from '../platform/clock.ts';
import { AppError } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { startTestApp, type TestApp } from '../test/harness.ts';
import { TestClient } from '../test/http.ts';
import { buildApp } from './app.ts';
import { makeCtx } from './context.ts';
import { IDEMPOTENCY_LEASE_MS } from './idempotency.ts';
import type { App } from './module.ts';

// A tiny money-like route: it counts how often its work really ran, per run id.
const workDone = new Map<string, number>();
const gates = new Map<string, Promise<void>>();
const started = new Map<string, () => void>();
let failuresLeft = new Map<string, number>();

function testRoutes(app: App) {
  app.post(
    '/api/test/idempotent-work',
    {
      schema: {
        body: z.object({
          run: z.string(),
          amountCents: z.number().int(),
          outcome: z.enum(['ok', 'refused']).default('ok'),
        }),
        response: { 201: z.object({ run: z.string(), amountCents: z.number(), times: z.number() }) },
      },
      config: { auth: 'user', idempotent: true },
    },
    async (req, reply) => {
      started.get(req.body.run)?.();
      await gates.get(req.body.run);
      const failures = failuresLeft.get(req.body.run) ?? 0;
      if (failures > 0) {
        failuresLeft.set(req.body.run, failures - 1);
        throw new Error('simulated crash of the work');
      }
      const times = (workDone.get(req.body.run) ?? 0) + 1;
      workDone.set(req.body.run, times);
      if (req.body.outcome === 'refused') throw new AppError('insufficient_funds');
      return reply.status(201).send({ run: req.body.run, amountCents: req.body.amountCents, times });
    },
  );
}

let t: TestApp;
let second: { app: App; database: Database; url: string };

beforeAll(async () => {
  t = await startTestApp({}, { configure: testRoutes });
  // Another app process on the same database: keys must be shared through PostgreSQL.
  const database = connect(t.services.config.DATABASE_URL as string, { max: 2 });
  const app = await buildApp({ services: { ...t.services, db: database.db }, serveWeb: false, configure: testRoutes });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  second = { app, database, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
});
afterAll(async () => {
  await second.app.close();
  await second.database.close();
  await t.close();
});

const newRun = () => newId();
const work = (client: TestClient, key: string | undefined, body: Record<string, unknown>) =>
  client.post('/api/test/idempotent-work', body, key === undefined ? {} : { 'idempotency-key': key });

describe('Idempotency-Key on money-moving routes', () => {
  test('the header is required and at most 255 characters', async () => {
    const { client } = await aSignedInUser(t);
    const run = newRun();
    for (const key of [undefined, '', 'x'.repeat(256)]) {
      const res = await work(client, key, { run, amountCents: 100 });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors[0].field).toBe('headers.Idempotency-Key');
    }
    expect(workDone.get(run)).toBeUndefined();
  });

  test('the same key and request replays the first response without doing the work again', async () => {
    const { client } = await aSignedInUser(t);
    const run = newRun();
    const key = newId();
    const first = await work(client, key, { run, amountCents: 500 });
    const again = await work(client, key, { amountCents: 500, run });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(workDone.get(run)).toBe(1);
  });

  test('the same key with a different request is a 422 and does nothing', async () => {
    const { client } = await aSignedInUser(t);
    const run = newRun();
    const key = newId();
    expect((await work(client, key, { run, amountCents: 500 })).status).toBe(201);
    const other = await work(client, key, { run, amountCents: 501 });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
    expect(workDone.get(run)).toBe(1);
  });

  test('keys are per user', async () => {
    const alice = await aSignedInUser(t);
    const bob = await aSignedInUser(t);
    const run = newRun();
    const key = newId();
    expect((await work(alice.client, key, { run, amountCents: 100 })).body.times).toBe(1);
    expect((await work(bob.client, key, { run, amountCents: 100 })).body.times).toBe(2);
  });

  test('a repeat while the first is still running gets a retryable 409, then the replay', async () => {
    const { client } = await aSignedInUser(t);
    const run = newRun();
    const key = newId();
    const open = holdWork(run);
    const inside = workStarted(run);
    const first = work(client, key, { run, amountCents: 700 });
    await inside;
    const busy = await work(client, key, { run, amountCents: 700 });
    expect(busy.status).toBe(409);
    expect(busy.body.code).toBe('idempotency_in_progress');
    expect(busy.headers.get('retry-after')).toBe('1');
    open();
    expect((await first).status).toBe(201);
    const replay = await work(client, key, { run, amountCents: 700 });
    expect(replay.status).toBe(201);
    expect(replay.body.times).toBe(1);
    expect(workDone.get(run)).toBe(1);
  });

  test('a request whose process died is taken over once its lease has run out', async () => {
    const { client } = await aSignedInUser(t);
    const run = newRun();
    const key = newId();
    const open = holdWork(run);
    const inside = workStarted(run);
    const stuck = work(client, key, { run, amountCents: 900 });
    await inside;
    expect((await work(client, key, { run, amountCents: 900 })).status).toBe(409);
    t.clock.advance(IDEMPOTENCY_LEASE_MS + MINUTE);
    gates.delete(run);
    const retry = await work(client, key, { run, amountCents: 900 });
    expect(retry.status).toBe(201);
    open();
    await stuck;
  });

  test('5xx responses are not stored: the same key can be retried', async () => {
    const { client } = await aSignedInUser(t);
    const run = newRun();
    const key = newId();
    failuresLeft = new Map([[run, 1]]);
    const failed = await work(client, key, { run, amountCents: 300 });
    expect(failed.status).toBe(500);
    const retried = await work(client, key, { run, amountCents: 300 });
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(workDone.get(run)).toBe(1);
  });

  test('a final refusal (4xx) is stored and replayed like a success', async () => {
    const { client } = await aSignedInUser(t);
    const run = newRun();
    const key = newId();
    const refused = await work(client, key, { run, amountCents: 300, outcome: 'refused' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('insufficient_funds');
    const again = await work(client, key, { run, amountCents: 300, outcome: 'refused' });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(workDone.get(run)).toBe(1);
  });

  test('keys are shared by every app process on the database', async () => {
    const { sessionToken } = await aSignedInUser(t);
    const onFirst = t.client().withHeaders({ cookie: `wr_session=${sessionToken}` });
    const onSecond = new TestClient(second.url).withHeaders({ cookie: `wr_session=${sessionToken}` });
    const run = newRun();
    const key = newId();
    expect((await work(onFirst, key, { run, amountCents: 250 })).status).toBe(201);
    const replay = await work(onSecond, key, { run, amountCents: 250 });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect((await work(onSecond, key, { run, amountCents: 251 })).status).toBe(422);
    expect(workDone.get(run)).toBe(1);
  });

  test('keys are kept 24 hours, then purged by the scheduled task', async () => {
    const { client } = await aSignedInUser(t);
    const run = newRun();
    const key = newId();
    expect((await work(client, key, { run, amountCents: 100 })).status).toBe(201);
    const purge = idempotencyModule.tasks?.[0];
    if (!purge) throw new Error('no purge task');
    t.clock.advance(23 * 60 * MINUTE);
    await purge.run(makeCtx(t.services, null, 'test'));
    expect((await work(client, key, { run, amountCents: 100 })).headers.get('idempotent-replayed')).toBe('true');
    t.clock.advance(2 * 60 * MINUTE);
    const result = await purge.run(makeCtx(t.services, null, 'test'));
    expect(result?.processed).toBeGreaterThan(0);
    const after = await work(client, key, { run, amountCents: 100 });
    expect(after.headers.get('idempotent-replayed')).toBeNull();
    expect(workDone.get(run)).toBe(2);
  });

  test('OpenAPI documents the header on idempotent routes', async () => {
    const res = await t.client().get('/openapi.json');
    const parameters = res.body.paths['/api/test/idempotent-work'].post.parameters as { name: string; in: string }[];
    expect(parameters).toContainEqual(
      expect.objectContaining({ name: 'idempotency-key', in: 'header', required: true }),
    );
  });
});

/** Makes the work for `run` wait until the returned function is called. */
function holdWork(run: string): () => void {
  let open = () => {};
  gates.set(
    run,
    new Promise<void>((resolve) => {
      open = resolve;
    }),
  );
  return open;
}

/** Resolves once a request for `run` is inside its handler (its key is claimed by then). */
function workStarted(run: string): Promise<void> {
  return new Promise((resolve) => started.set(run, resolve));
}
