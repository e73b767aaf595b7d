import { AdjustableClock } from '../../platform/clock.ts';
import type { Services } from '../../server/context.ts';
import type { ScheduledTask } from '../../server/module.ts';
import { loadClockOffset } from './clock-offset.ts';
import { runDueTasks, type TaskRunReport } from './run-due-tasks.ts';

export interface RunningScheduler {
  /** Stops ticking and waits for a tick in progress to finish. */
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  /** Defaults to SCHEDULER_TICK_SECONDS. */
  tickMs?: number;
  /** Called after each tick, e.g. by tests waiting for a run. */
  onTick?(reports: TaskRunReport[]): void;
}

/**
 * Runs due tasks now and then every tick. The next tick is scheduled only when the previous one
 * has finished, so ticks never overlap even when a task runs longer than the interval.
 */
export function startScheduler(
  services: Services,
  tasks: ScheduledTask[],
  options: SchedulerOptions = {},
): RunningScheduler {
  const tickMs = options.tickMs ?? services.config.SCHEDULER_TICK_SECONDS * 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  const tick = async () => {
    try {
      // With clock control on, another process (the CLI, a demo route) may have moved the shared clock.
      if (services.config.CLOCK_CONTROL && services.clock instanceof AdjustableClock) {
        await loadClockOffset(services.db, services.clock);
      }
      const reports = await runDueTasks(services, tasks);
      options.onTick?.(reports);
    } catch (error) {
      services.log.error({ err: error }, 'scheduler tick failed');
    }
  };

  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = null;
      running = tick().finally(() => {
        running = null;
        schedule(tickMs);
      });
    }, delayMs);
    // The scheduler alone must not keep a process (a CLI command, a test) alive.
    timer.unref();
  };

  schedule(0);
  services.log.info({ tasks: tasks.map((task) => task.name), tickMs }, 'scheduler started');

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
