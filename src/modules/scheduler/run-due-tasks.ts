import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { newId } from '../../platform/ids.ts';
import { makeCtx, type Services } from '../../server/context.ts';
import type { ScheduledTask } from '../../server/module.ts';
import { scheduledTaskRuns } from './tables.ts';

export type TaskOutcome = 'succeeded' | 'failed' | 'not_due' | 'locked';

/** What happened to one task during one pass of the scheduler. */
export interface TaskRunReport {
  name: string;
  outcome: TaskOutcome;
  processed: number | null;
  error: string | null;
}

// Long stack traces are for the log; the row keeps enough to tell an operator what broke.
const MAX_ERROR_LENGTH = 2000;

const lockName = (task: string) => `workroom-task:${task}`;

async function isDue(db: Db, name: string, now: Date): Promise<boolean> {
  const [row] = await db
    .select({ nextDueAt: scheduledTaskRuns.nextDueAt })
    .from(scheduledTaskRuns)
    .where(eq(scheduledTaskRuns.name, name));
  // A task never run before is due at once.
  return !row || row.nextDueAt.getTime() <= now.getTime();
}

/**
 * Holds a connection of its own for the task's whole run: a session advisory lock belongs to
 * one connection, and the task itself opens transactions on other pooled connections.
 */
async function withTaskLock<T>(db: Db, name: string, work: () => Promise<T>): Promise<T | 'locked'> {
  const connection = await db.$client.connect();
  const release = (broken?: Error) => connection.release(broken);
  try {
    const result = await connection.query<{ locked: boolean }>('select pg_try_advisory_lock(hashtext($1)) as locked', [
      lockName(name),
    ]);
    if (!result.rows[0]?.locked) {
      release();
      return 'locked';
    }
  } catch (error) {
    release(error as Error);
    throw error;
  }
  let broken: Error | undefined;
  try {
    return await work();
  } finally {
    try {
      await connection.query('select pg_advisory_unlock(hashtext($1))', [lockName(name)]);
    } catch (error) {
      // Destroying the connection ends its session, which releases the lock anyway.
      broken = error as Error;
    }
    release(broken);
  }
}

async function runOne(services: Services, task: ScheduledTask): Promise<TaskRunReport> {
  const { db, clock } = services;
  const report = (outcome: TaskOutcome, processed: number | null = null, error: string | null = null) => ({
    name: task.name,
    outcome,
    processed,
    error,
  });
  if (!(await isDue(db, task.name, clock.now()))) return report('not_due');

  const result = await withTaskLock(db, task.name, async () => {
    // Another process may have run it between our first look and taking the lock.
    const startedAt = clock.now();
    if (!(await isDue(db, task.name, startedAt))) return report('not_due');
    const nextDueAt = new Date(startedAt.getTime() + task.everyMs);
    await db
      .insert(scheduledTaskRuns)
      .values({ name: task.name, lastStartedAt: startedAt, nextDueAt })
      .onConflictDoUpdate({ target: scheduledTaskRuns.name, set: { lastStartedAt: startedAt } });

    const log = services.log.child({ task: task.name });
    const ctx = makeCtx({ ...services, log }, null, `task-${newId()}`);
    let processed: number | null = null;
    let error: string | null = null;
    try {
      processed = (await task.run(ctx))?.processed ?? null;
    } catch (caught) {
      log.error({ err: caught }, 'scheduled task failed');
      error = (caught instanceof Error ? caught.message : String(caught)).slice(0, MAX_ERROR_LENGTH) || 'Error';
    }
    // The next run is counted from the start so a slow run does not drift the schedule.
    await db
      .update(scheduledTaskRuns)
      .set({
        lastFinishedAt: clock.now(),
        lastError: error,
        lastProcessed: processed,
        runCount: sql`${scheduledTaskRuns.runCount} + 1`,
        nextDueAt,
      })
      .where(eq(scheduledTaskRuns.name, task.name));
    if (error === null && processed) log.info({ processed }, 'scheduled task done');
    return error === null ? report('succeeded', processed) : report('failed', processed, error);
  });
  return result === 'locked' ? report('locked') : result;
}

/**
 * Runs every task that is due by the clock, one after another. Each runs under a PostgreSQL
 * advisory lock, so several app processes sharing one database never run a task twice; a task
 * that throws is recorded with its error and the others still run.
 */
export async function runDueTasks(services: Services, tasks: ScheduledTask[]): Promise<TaskRunReport[]> {
  const reports: TaskRunReport[] = [];
  for (const task of tasks) {
    try {
      reports.push(await runOne(services, task));
    } catch (caught) {
      // The database itself failed (not the task): report it and keep going with the others.
      services.log.error({ err: caught, task: task.name }, 'could not run scheduled task');
      const message = caught instanceof Error ? caught.message : String(caught);
      reports.push({ name: task.name, outcome: 'failed', processed: null, error: message.slice(0, MAX_ERROR_LENGTH) });
    }
  }
  return reports;
}
