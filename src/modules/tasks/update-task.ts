import { eq } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../server/context.ts';
import { boardForEditor } from './access.ts';
import { contractTasks, type TaskState } from './tables.ts';
import { checkAssignee, checkDescription, checkMilestone, checkTitle, type TaskFields } from './task-fields.ts';
import { recordTaskMoved, recordTaskUpdated, type TaskChange } from './task-record.ts';
import { lockTask, type TaskRow, type TaskView, viewTask } from './task-view.ts';
import { moveTask } from './transitions.ts';

export interface TaskUpdate extends TaskFields {
  state?: TaskState | undefined;
}

/**
 * PATCH /api/contracts/:id/tasks/:taskId: either party edits a task or moves it on the board. Each
 * real change is recorded (details and move as separate entries); a PATCH that changes nothing
 * records nothing.
 */
export async function updateTask(
  ctx: Ctx,
  input: { contractId: string; taskId: string; update: TaskUpdate },
): Promise<TaskView> {
  const actor = requireActor(ctx);
  const { update } = input;
  const title = update.title === undefined ? undefined : checkTitle(update.title);
  const description = update.description === undefined ? undefined : checkDescription(update.description);
  return ctx.tx(async (tx) => {
    const contract = await boardForEditor(tx, actor, input.contractId);
    const task = await lockTask(tx, contract.contractId, input.taskId);
    const next: Pick<TaskRow, TaskChange['field']> = {
      title: title ?? task.title,
      description: description ?? task.description,
      assigneeId: update.assigneeId === undefined ? task.assigneeId : checkAssignee(contract, update.assigneeId),
      dueDate: update.dueDate === undefined ? task.dueDate : update.dueDate,
      milestoneId:
        update.milestoneId === undefined || update.milestoneId === task.milestoneId
          ? task.milestoneId
          : ((await checkMilestone(tx, contract, update.milestoneId))?.id ?? null),
    };
    const changes: TaskChange[] = (Object.keys(next) as TaskChange['field'][])
      .filter((field) => next[field] !== task[field])
      .map((field) => ({ field, before: task[field], after: next[field] }));
    const move = update.state === undefined || update.state === task.state ? null : moveTask(task.state, update.state);
    if (changes.length === 0 && !move) return viewTask(tx, task);

    const [row] = await tx
      .update(contractTasks)
      .set({ ...next, state: update.state ?? task.state, updatedAt: ctx.clock.now() })
      .where(eq(contractTasks.id, task.id))
      .returning();
    if (!row) throw new Error('task update returned no row');
    if (changes.length > 0) await recordTaskUpdated(tx, ctx.clock, row, actor.userId, changes);
    if (move) await recordTaskMoved(tx, ctx.clock, row, actor.userId, task.state, move);
    return viewTask(tx, row);
  });
}
