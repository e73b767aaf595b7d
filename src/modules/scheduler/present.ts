import type { ClockReading } from './clock-offset.ts';
import type { TaskState } from './list-task-states.ts';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function presentTaskState(state: TaskState) {
  return {
    ...state,
    lastStartedAt: iso(state.lastStartedAt),
    lastFinishedAt: iso(state.lastFinishedAt),
    nextDueAt: iso(state.nextDueAt),
  };
}

export function presentClock(reading: ClockReading) {
  return { now: reading.now.toISOString(), offsetMs: reading.offsetMs };
}
