import { AdjustableClock, DAY, parseDuration } from '../../platform/clock.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import type { Ctx } from '../../server/context.ts';
import type { ScheduledTask } from '../../server/module.ts';
import { advanceClock, type ClockReading } from './clock-offset.ts';
import { runDueTasks, type TaskRunReport } from './run-due-tasks.ts';

// Demos jump weeks at a time; anything past a year is a typo, and would overflow nothing useful.
const MAX_ADVANCE_MS = 366 * DAY;

/**
 * Moves the shared clock forward (demos, manual testing; only with CLOCK_CONTROL) and runs the
 * tasks that became due at once, so auto-release and the like happen as they would in time.
 */
export async function advanceClockAndRunTasks(
  ctx: Ctx,
  input: { by: string },
  tasks: ScheduledTask[],
): Promise<ClockReading & { tasks: TaskRunReport[] }> {
  let ms: number;
  try {
    ms = parseDuration(input.by);
  } catch {
    throw invalidField('by', 'Use a duration like 90s, 15m, 3h, 14d or 2w.');
  }
  if (ms <= 0 || ms > MAX_ADVANCE_MS) throw invalidField('by', 'Move the clock by more than 0 and at most 366 days.');
  if (!(ctx.clock instanceof AdjustableClock)) {
    throw new AppError('invalid_state', { userMessage: 'This server’s clock cannot be moved.' });
  }
  const reading = await advanceClock(ctx.db, ctx.clock, ms);
  ctx.log.warn({ by: input.by, offsetMs: reading.offsetMs, actor: ctx.actor?.userId }, 'clock advanced');
  const reports = await runDueTasks(ctx, tasks);
  return { ...reading, now: ctx.clock.now(), tasks: reports };
}
