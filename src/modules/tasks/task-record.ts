import type { Tx } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import { appendRecordEntry } from '../contract-record/index.ts';
import type { TaskRow } from './task-view.ts';
import { stateLabel, type TaskMove } from './transitions.ts';

export interface TaskChange {
  field: 'title' | 'description' | 'assigneeId' | 'dueDate' | 'milestoneId';
  before: string | null;
  after: string | null;
}

const fieldLabel: Record<TaskChange['field'], string> = {
  title: 'title',
  description: 'description',
  assigneeId: 'assignee',
  dueDate: 'due date',
  milestoneId: 'milestone',
};

/** What the record keeps of a task: enough to rebuild the board at any point in time. */
const facts = (task: TaskRow) => ({
  taskId: task.id,
  title: task.title,
  description: task.description,
  assigneeId: task.assigneeId,
  dueDate: task.dueDate,
  milestoneId: task.milestoneId,
  state: task.state,
});

export function recordTaskCreated(tx: Tx, clock: Clock, task: TaskRow, actorId: string) {
  return appendRecordEntry(tx, clock, {
    contractId: task.contractId,
    kind: 'task.created',
    actorId,
    summary: `Task added: “${task.title}”`,
    data: facts(task),
    at: task.createdAt,
  });
}

export function recordTaskUpdated(tx: Tx, clock: Clock, task: TaskRow, actorId: string, changes: TaskChange[]) {
  return appendRecordEntry(tx, clock, {
    contractId: task.contractId,
    kind: 'task.updated',
    actorId,
    summary: `Task “${task.title}” changed: ${changes.map((change) => fieldLabel[change.field]).join(', ')}`,
    data: { taskId: task.id, changes },
    at: task.updatedAt,
  });
}

export function recordTaskMoved(
  tx: Tx,
  clock: Clock,
  task: TaskRow,
  actorId: string,
  from: TaskRow['state'],
  move: TaskMove,
) {
  return appendRecordEntry(tx, clock, {
    contractId: task.contractId,
    kind: 'task.moved',
    actorId,
    summary: `Task “${task.title}” moved from ${stateLabel[from]} to ${stateLabel[task.state]}`,
    data: { taskId: task.id, from, to: task.state, move },
    at: task.updatedAt,
  });
}

export function recordTaskDeleted(tx: Tx, clock: Clock, task: TaskRow, actorId: string, at: Date) {
  return appendRecordEntry(tx, clock, {
    contractId: task.contractId,
    kind: 'task.deleted',
    actorId,
    summary: `Task removed: “${task.title}”`,
    data: facts(task),
    at,
  });
}
