import { AdjustableClock } from '../../platform/clock.ts';
import type { Services } from '../../server/context.ts';
import type { App, ScheduledTask } from '../../server/module.ts';
import { advanceClockAndRunTasks } from './advance-clock-and-run-tasks.ts';
import { loadClockOffset } from './clock-offset.ts';
import { listTaskStates } from './list-task-states.ts';
import { presentClock, presentTaskState } from './present.ts';
import { AdvanceClockRequest, AdvanceClockResponse, ClockResponse, TaskListResponse } from './schemas.ts';

export function registerSchedulerRoutes(app: App, services: Services, allTasks: () => ScheduledTask[]): void {
  app.get(
    '/api/operator/tasks',
    {
      schema: {
        tags: ['operator'],
        summary: 'Background tasks and when each last ran',
        response: { 200: TaskListResponse },
      },
      config: { auth: 'operator' },
    },
    async (request) => {
      const now = request.ctx.clock.now();
      const states = await listTaskStates(request.ctx.db, allTasks(), now);
      return {
        now: now.toISOString(),
        schedulerEnabled: request.ctx.config.SCHEDULER,
        tasks: states.map(presentTaskState),
      };
    },
  );

  // Moving time is for demos and manual testing only: these routes do not exist otherwise.
  if (!services.config.CLOCK_CONTROL) return;

  app.get(
    '/api/dev/clock',
    {
      schema: {
        tags: ['dev'],
        summary: 'The server clock and its offset (CLOCK_CONTROL only)',
        response: { 200: ClockResponse },
      },
      config: { auth: 'public' },
    },
    async (request) => {
      const { clock, db } = request.ctx;
      // Another process (the CLI) may have moved the shared clock since this one last looked.
      if (clock instanceof AdjustableClock) return presentClock(await loadClockOffset(db, clock));
      return presentClock({ now: clock.now(), offsetMs: 0 });
    },
  );

  app.post(
    '/api/dev/clock/advance',
    {
      schema: {
        tags: ['dev'],
        summary: 'Move the clock forward and run the tasks that become due (CLOCK_CONTROL only)',
        body: AdvanceClockRequest,
        response: { 200: AdvanceClockResponse },
      },
      config: { auth: 'operator' },
    },
    async (request) => {
      const result = await advanceClockAndRunTasks(request.ctx, request.body, allTasks());
      return { ...presentClock(result), tasks: result.tasks };
    },
  );
}
