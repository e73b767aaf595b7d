/** What other code (the CLI `serve` and `clock` commands, tests) uses from the scheduler. */
export { advanceClock, CLOCK_OFFSET_KEY, type ClockReading, loadClockOffset } from './clock-offset.ts';
export { listTaskStates, type TaskState } from './list-task-states.ts';
export { schedulerModule } from './module.ts';
export { runDueTasks, type TaskOutcome, type TaskRunReport } from './run-due-tasks.ts';
export { type RunningScheduler, type SchedulerOptions, startScheduler } from './start-scheduler.ts';
