import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { getPublicUsers } from '../accounts/public-users.ts';
import { milestonesOf } from '../contracts/index.ts';
import { contractTasks } from './tables.ts';

export type TaskRow = typeof contractTasks.$inferSelect;

export interface TaskView {
  row: TaskRow;
  assignee: { userId: string; name: string } | null;
  /** Null when unlinked; the title is null if a terms change removed the milestone since. */
  milestone: { id: string; title: string | null } | null;
  createdBy: { userId: string; name: string };
}

export async function viewTasks(executor: Executor, contractId: string, rows: TaskRow[]): Promise<TaskView[]> {
  const users = await getPublicUsers(
    executor,
    rows.flatMap((row) => [row.createdBy, ...(row.assigneeId ? [row.assigneeId] : [])]),
  );
  const milestones = rows.some((row) => row.milestoneId) ? await milestonesOf(executor, contractId) : [];
  const person = (userId: string) => ({ userId, name: users.get(userId)?.displayName ?? 'A former member' });
  return rows.map((row) => ({
    row,
    assignee: row.assigneeId ? person(row.assigneeId) : null,
    milestone: row.milestoneId
      ? { id: row.milestoneId, title: milestones.find((milestone) => milestone.id === row.milestoneId)?.title ?? null }
      : null,
    createdBy: person(row.createdBy),
  }));
}

export async function viewTask(executor: Executor, row: TaskRow): Promise<TaskView> {
  const [view] = await viewTasks(executor, row.contractId, [row]);
  if (!view) throw new Error('task has no view');
  return view;
}

export async function tasksOf(executor: Executor, contractId: string): Promise<TaskRow[]> {
  return executor
    .select()
    .from(contractTasks)
    .where(eq(contractTasks.contractId, contractId))
    .orderBy(asc(contractTasks.createdAt), asc(contractTasks.id));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A task of this contract, locked for a change; 404 if it is not on this board. */
export async function lockTask(executor: Executor, contractId: string, taskId: string): Promise<TaskRow> {
  if (!UUID.test(taskId)) throw notFound('Task');
  const [row] = await executor
    .select()
    .from(contractTasks)
    .where(and(eq(contractTasks.id, taskId), eq(contractTasks.contractId, contractId)))
    .for('update');
  if (!row) throw notFound('Task');
  return row;
}
