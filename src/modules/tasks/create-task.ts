import { count, eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { boardForEditor } from './access.ts';
import { contractTasks } from './tables.ts';
import {
  checkAssignee,
  checkDescription,
  checkMilestone,
  checkTitle,
  MAX_TASKS_PER_CONTRACT,
  type TaskFields,
} from './task-fields.ts';
import { recordTaskCreated } from './task-record.ts';
import { type TaskView, viewTask } from './task-view.ts';

/** POST /api/contracts/:id/tasks: either party adds a task (to do) to a running contract's board. */
export async function createTask(
  ctx: Ctx,
  contractId: string,
  fields: TaskFields & { title: string },
): Promise<TaskView> {
  const actor = requireActor(ctx);
  const title = checkTitle(fields.title);
  const description = checkDescription(fields.description ?? '');
  return ctx.tx(async (tx) => {
    const contract = await boardForEditor(tx, actor, contractId);
    const assigneeId = checkAssignee(contract, fields.assigneeId ?? null);
    const milestone = await checkMilestone(tx, contract, fields.milestoneId ?? null);
    const [existing] = await tx
      .select({ tasks: count() })
      .from(contractTasks)
      .where(eq(contractTasks.contractId, contract.contractId));
    if ((existing?.tasks ?? 0) >= MAX_TASKS_PER_CONTRACT) {
      throw new AppError('conflict', { userMessage: `A board holds at most ${MAX_TASKS_PER_CONTRACT} tasks.` });
    }
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(contractTasks)
      .values({
        id: newId(),
        contractId: contract.contractId,
        title,
        description,
        assigneeId,
        dueDate: fields.dueDate ?? null,
        state: 'todo',
        milestoneId: milestone?.id ?? null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('task insert returned no row');
    await recordTaskCreated(tx, ctx.clock, row, actor.userId);
    return viewTask(tx, row);
  });
}
