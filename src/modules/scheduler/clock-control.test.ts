import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AdjustableClock, DAY, HOUR } from '../../platform/clock.ts';
import type { ScheduledTask } from '../../server/module.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { TestClient } from '../../test/http.ts';
import { createAccount } from '../accounts/create-account.ts';
import { createOperator } from '../accounts/create-operator.ts';
import { startSession } from '../accounts/sessions.ts';
import { modules } from '../index.ts';
import { advanceClock, loadClockOffset } from './clock-offset.ts';

let t: TestApp;
let withoutClockControl: TestApp;
let operator: TestClient;
let client: TestClient;

// A stand-in for what later issues register (auto-release, closing billing weeks).
const autoRelease = { name: 'test.auto-release', everyMs: DAY, runs: 0 } as ScheduledTask & { runs: number };
autoRelease.run = async () => {
  autoRelease.runs++;
  return { processed: 1 };
};

async function signedIn(app: TestApp, role: 'operator' | 'client'): Promise<TestClient> {
  const who = { email: `${role}-${Math.random().toString(36).slice(2)}@example.test`, displayName: role };
  const password = 'correct horse battery staple';
  const account =
    role === 'operator'
      ? await createOperator(app.services, { ...who, password })
      : await createAccount(app.services, { ...who, password, role });
  const session = await startSession(app.services.db, app.services, {
    userId: account.id,
    client: { userAgent: null, ip: null },
  });
  return app.client().withHeaders({ cookie: `wr_session=${session.token}` });
}

beforeAll(async () => {
  modules.push({ name: 'test-tasks', tasks: [autoRelease] });
  t = await startTestApp({ CLOCK_CONTROL: 'true' });
  withoutClockControl = await startTestApp();
  operator = await signedIn(t, 'operator');
  client = await signedIn(t, 'client');
});
afterAll(async () => {
  await t.close();
  await withoutClockControl.close();
});

describe('the shared clock', () => {
  test('an advance is stored so every process (and the CLI) sees it; it only moves forward', async () => {
    const cli = new AdjustableClock();
    const before = t.clock.now().getTime();
    const reading = await advanceClock(t.services.db, cli, 3 * HOUR);
    expect(reading.offsetMs).toBe(3 * HOUR);

    const loaded = await loadClockOffset(t.services.db, t.clock);
    expect(loaded.offsetMs).toBe(3 * HOUR);
    expect(t.clock.now().getTime()).toBeGreaterThanOrEqual(before + 3 * HOUR);

    // Two advances at once add up rather than one overwriting the other.
    await Promise.all([
      advanceClock(t.services.db, cli, HOUR),
      advanceClock(t.services.db, new AdjustableClock(), HOUR),
    ]);
    expect((await loadClockOffset(t.services.db, t.clock)).offsetMs).toBe(5 * HOUR);

    // A clock already ahead of the stored offset is never pulled back.
    const ahead = new AdjustableClock();
    ahead.advance(10 * DAY);
    expect((await loadClockOffset(t.services.db, ahead)).offsetMs).toBe(10 * DAY);
    await expect(advanceClock(t.services.db, cli, -1)).rejects.toThrow(RangeError);
  });
});

describe('clock routes (CLOCK_CONTROL=true)', () => {
  test('anyone may read the clock', async () => {
    const res = await t.client().get('/api/dev/clock');
    expect(res.status).toBe(200);
    expect(res.body.offsetMs).toBe(t.clock.offset);
    expect(Math.abs(Date.parse(res.body.now) - t.clock.now().getTime())).toBeLessThan(5000);
  });

  test('an operator moves the clock and the tasks that became due run at once', async () => {
    const offsetBefore = t.clock.offset;
    await operator.post('/api/dev/clock/advance', { by: '1h' }); // first run of every task
    const runsBefore = autoRelease.runs;

    const res = await operator.post('/api/dev/clock/advance', { by: '14d' });
    expect(res.status).toBe(200);
    expect(res.body.offsetMs).toBe(offsetBefore + HOUR + 14 * DAY);
    expect(res.body.tasks).toContainEqual({
      name: 'test.auto-release',
      outcome: 'succeeded',
      processed: 1,
      error: null,
    });
    expect(autoRelease.runs).toBe(runsBefore + 1);

    const clockNow = await t.client().get('/api/dev/clock');
    expect(clockNow.body.offsetMs).toBe(offsetBefore + HOUR + 14 * DAY);
  });

  test('only operators may move the clock, by a valid duration', async () => {
    expect((await t.client().post('/api/dev/clock/advance', { by: '1d' })).status).toBe(401);
    expect((await client.post('/api/dev/clock/advance', { by: '1d' })).status).toBe(403);
    const bad = await operator.post('/api/dev/clock/advance', { by: 'yesterday' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('by');
    const tooFar = await operator.post('/api/dev/clock/advance', { by: '400d' });
    expect(tooFar.status).toBe(400);
    expect(tooFar.body.errors[0].field).toBe('by');
  });

  test('the operator task list shows each task and its last run', async () => {
    const res = await operator.get('/api/operator/tasks');
    expect(res.status).toBe(200);
    const task = res.body.tasks.find((entry: { name: string }) => entry.name === 'test.auto-release');
    expect(task).toMatchObject({ everyMs: DAY, lastError: null, lastProcessed: 1, due: false });
    expect(task.runCount).toBeGreaterThanOrEqual(2);
    expect((await client.get('/api/operator/tasks')).status).toBe(403);
  });
});

describe('without CLOCK_CONTROL', () => {
  test('the clock routes do not exist', async () => {
    expect((await withoutClockControl.client().get('/api/dev/clock')).status).toBe(404);
    const op = await signedIn(withoutClockControl, 'operator');
    expect((await op.post('/api/dev/clock/advance', { by: '1d' })).status).toBe(404);
    const spec = await withoutClockControl.client().get('/openapi.json');
    expect(spec.body.paths['/api/dev/clock']).toBeUndefined();
    expect(spec.body.paths['/api/operator/tasks']).toBeDefined();
  });
});
