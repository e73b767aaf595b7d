import { AppError } from '../../platform/errors.ts';
import type { TaskState } from './tables.ts';

export type TaskMove = 'start' | 'stop' | 'complete' | 'reopen';

/**
 * How a task moves across the board, by either party: from a state, to a state, by which move.
 * A finished task is reopened into progress, not back to "to do" (someone is working on it again).
 */
export const taskMoves = {
  todo: { in_progress: 'start', done: 'complete' },
  in_progress: { todo: 'stop', done: 'complete' },
  done: { in_progress: 'reopen' },
} as const satisfies Record<TaskState, Partial<Record<TaskState, TaskMove>>>;

export const stateLabel: Record<TaskState, string> = { todo: 'to do', in_progress: 'in progress', done: 'done' };

/** The move from `from` to `to`, or a 409 naming the current state. */
export function moveTask(from: TaskState, to: TaskState): TaskMove {
  const move = (taskMoves[from] as Partial<Record<TaskState, TaskMove>>)[to];
  if (!move) {
    throw new AppError('invalid_state', {
      userMessage: `This task is ${stateLabel[from]}; it cannot move to ${stateLabel[to]}.`,
      fields: [{ field: 'state', message: `The task is ${stateLabel[from]}.` }],
      details: { state: from },
    });
  }
  return move;
}
