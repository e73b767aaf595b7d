import { setTimeout as sleep } from 'node:timers/promises';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connect, type Database } from '../../db/client.ts';
import { AdjustableClock, DAY, HOUR, MINUTE } from '../../platform/clock.ts';
import { loadConfig } from '../../platform/config.ts';
import { createLogger } from '../../platform/logger.ts';
import type { Services } from '../../server/context.ts';
import type { ScheduledTask } from '../../server/module.ts';
import { createTestDatabase } from '../../test/harness.ts';
import { advanceClock } from './clock-offset.ts';
import { runDueTasks } from './run-due-tasks.ts';
import { startScheduler } from './start-scheduler.ts';
import { scheduledTaskRuns } from './tables.ts';

// Two "app processes": separate pools (so separate sessions and advisory locks) on one database.
let first: Database;
let second: Database;
const clock = new AdjustableClock().freeze(new Date('2030-01-07T09:00:00Z'));

function servicesOver(database: Database): Services {
  const config = loadConfig({ LOG_LEVEL: 'silent', SCHEDULER: 'false' });
  return { db: database.db, clock, config, log: createLogger('silent') };
}

beforeAll(async () => {
  const { url } = await createTestDatabase();
  first = connect(url, { max: 4 });
  second = connect(url, { max: 4 });
});
afterAll(async () => {
  await first.close();
  await second.close();
});

/** A task that counts its runs and takes a while, so concurrent callers really overlap. */
function countingTask(name: string, everyMs = HOUR, durationMs = 100) {
  const task = {
    name,
    everyMs,
    runs: 0,
    async run() {
      task.runs++;
      await sleep(durationMs);
      return { processed: 3 };
    },
  };
  return task;
}

async function runState(name: string) {
  const [row] = await first.db.select().from(scheduledTaskRuns).where(eq(scheduledTaskRuns.name, name));
  return row;
}

describe('runDueTasks', () => {
  test('two processes running due tasks at the same moment run each task exactly once', async () => {
    const tasks = [countingTask('race.a'), countingTask('race.b'), countingTask('race.c')];
    const [fromFirst, fromSecond] = await Promise.all([
      runDueTasks(servicesOver(first), tasks),
      runDueTasks(servicesOver(second), tasks),
    ]);
    for (const [index, task] of tasks.entries()) {
      expect(task.runs).toBe(1);
      const outcomes = [fromFirst[index]?.outcome, fromSecond[index]?.outcome];
      expect(outcomes.filter((outcome) => outcome === 'succeeded')).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome === 'locked' || outcome === 'not_due')).toHaveLength(1);
      expect(await runState(task.name)).toMatchObject({ runCount: 1, lastProcessed: 3, lastError: null });
    }
    // Every lock was handed back: nothing is left holding one.
    const held = await first.db.execute(sql`select count(*)::int as n from pg_locks where locktype = 'advisory'`);
    expect(held.rows[0]).toEqual({ n: 0 });
  });

  test('a task is not run again until the clock has moved by its interval', async () => {
    const task = countingTask('cadence', 6 * HOUR, 0);
    const services = servicesOver(first);
    const startedAt = clock.now();
    expect((await runDueTasks(services, [task]))[0]?.outcome).toBe('succeeded');
    expect((await runState('cadence'))?.nextDueAt).toEqual(new Date(startedAt.getTime() + 6 * HOUR));

    expect((await runDueTasks(services, [task]))[0]?.outcome).toBe('not_due');
    clock.advance(6 * HOUR - MINUTE);
    expect((await runDueTasks(servicesOver(second), [task]))[0]?.outcome).toBe('not_due');
    clock.advance(MINUTE);
    expect((await runDueTasks(servicesOver(second), [task]))[0]?.outcome).toBe('succeeded');
    expect(task.runs).toBe(2);
    expect(await runState('cadence')).toMatchObject({ runCount: 2 });
  });

  test('a failing task records its error, the others still run, and it recovers on its next run', async () => {
    let failing = true;
    const flaky: ScheduledTask = {
      name: 'flaky',
      everyMs: HOUR,
      async run() {
        if (failing) throw new Error('gateway unreachable');
        return { processed: 1 };
      },
    };
    const steady = countingTask('steady', HOUR, 0);
    const services = servicesOver(first);
    const reports = await runDueTasks(services, [flaky, steady]);
    expect(reports.map((report) => report.outcome)).toEqual(['failed', 'succeeded']);
    expect(reports[0]?.error).toBe('gateway unreachable');
    expect(await runState('flaky')).toMatchObject({ lastError: 'gateway unreachable', runCount: 1 });
    expect(steady.runs).toBe(1);

    // A failure does not retry at every tick: it waits for its interval like a success.
    expect((await runDueTasks(services, [flaky]))[0]?.outcome).toBe('not_due');
    failing = false;
    clock.advance(HOUR);
    expect((await runDueTasks(services, [flaky]))[0]?.outcome).toBe('succeeded');
    expect(await runState('flaky')).toMatchObject({ lastError: null, lastProcessed: 1, runCount: 2 });
  });

  test('a task locked by another process is skipped, not waited for', async () => {
    const task = countingTask('held.elsewhere', HOUR, 0);
    const holder = await second.pool.connect();
    try {
      await holder.query(`select pg_advisory_lock(hashtext('workroom-task:held.elsewhere'))`);
      expect((await runDueTasks(servicesOver(first), [task]))[0]?.outcome).toBe('locked');
      expect(task.runs).toBe(0);
    } finally {
      await holder.query(`select pg_advisory_unlock(hashtext('workroom-task:held.elsewhere'))`);
      holder.release();
    }
    expect((await runDueTasks(servicesOver(first), [task]))[0]?.outcome).toBe('succeeded');
  });

  test('the same due tasks run repeatedly from both processes never double a run (idempotent passes)', async () => {
    const task = countingTask('repeat', HOUR, 20);
    for (let round = 0; round < 3; round++) {
      await Promise.all([
        runDueTasks(servicesOver(first), [task]),
        runDueTasks(servicesOver(second), [task]),
        runDueTasks(servicesOver(first), [task]),
      ]);
      expect(task.runs).toBe(round + 1);
      clock.advance(HOUR);
    }
  });
});

describe('startScheduler', () => {
  test('ticks without overlapping, and stop waits for the tick in progress', async () => {
    let running = 0;
    let maxRunning = 0;
    let finished = 0;
    const slow: ScheduledTask = {
      name: 'slow',
      everyMs: 1, // due at every tick once the clock moves
      async run() {
        running++;
        maxRunning = Math.max(maxRunning, running);
        await sleep(150);
        running--;
        finished++;
        clock.advance(1);
        return undefined;
      },
    };
    let ticks = 0;
    const scheduler = startScheduler(servicesOver(first), [slow], { tickMs: 10, onTick: () => ticks++ });
    while (finished < 2) await sleep(20);
    await sleep(30); // most likely mid-run now
    await scheduler.stop();
    const finishedAtStop = finished;
    expect(running).toBe(0);
    expect(maxRunning).toBe(1);
    await sleep(100);
    expect(finished).toBe(finishedAtStop); // nothing ran after stop
    expect(ticks).toBeGreaterThanOrEqual(2);
  });

  test('with clock control on, each tick picks up a clock advance made by another process', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', CLOCK_CONTROL: 'true' });
    const processClock = new AdjustableClock();
    const services = { db: first.db, clock: processClock, config, log: createLogger('silent') };
    await advanceClock(second.db, new AdjustableClock(), 2 * DAY); // e.g. `workroom clock advance 2d`
    let ticked = 0;
    const scheduler = startScheduler(services, [], { tickMs: 10, onTick: () => ticked++ });
    while (ticked === 0) await sleep(10);
    await scheduler.stop();
    expect(processClock.offset).toBe(2 * DAY);
  });
});
