import { inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { ScheduledTask } from '../../server/module.ts';
import { scheduledTaskRuns } from './tables.ts';

export interface TaskState {
  name: string;
  everyMs: number;
  runCount: number;
  lastStartedAt: Date | null;
  lastFinishedAt: Date | null;
  lastError: string | null;
  lastProcessed: number | null;
  /** Null for a task that has never run: it is due at the next tick. */
  nextDueAt: Date | null;
  due: boolean;
}

/** Every registered task with what the scheduler last recorded for it, in registration order. */
export async function listTaskStates(db: Executor, tasks: ScheduledTask[], now: Date): Promise<TaskState[]> {
  const names = tasks.map((task) => task.name);
  const rows =
    names.length === 0 ? [] : await db.select().from(scheduledTaskRuns).where(inArray(scheduledTaskRuns.name, names));
  const byName = new Map(rows.map((row) => [row.name, row]));
  return tasks.map((task) => {
    const row = byName.get(task.name);
    return {
      name: task.name,
      everyMs: task.everyMs,
      runCount: row?.runCount ?? 0,
      lastStartedAt: row?.lastStartedAt ?? null,
      lastFinishedAt: row?.lastFinishedAt ?? null,
      lastError: row?.lastError ?? null,
      lastProcessed: row?.lastProcessed ?? null,
      nextDueAt: row?.nextDueAt ?? null,
      due: !row || row.nextDueAt.getTime() <= now.getTime(),
    };
  });
}
