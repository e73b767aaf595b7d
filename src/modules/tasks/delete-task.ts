import { eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { boardForEditor } from './access.ts';
import { contractTasks } from './tables.ts';
import { recordTaskDeleted } from './task-record.ts';
import { lockTask } from './task-view.ts';
import { stateLabel } from './transitions.ts';

/**
 * DELETE /api/contracts/:id/tasks/:taskId: the task's creator takes back a task nobody has started.
 * Once work began, the task stays (move it instead); the record keeps the removal either way.
 */
export async function deleteTask(ctx: Ctx, input: { contractId: string; taskId: string }): Promise<void> {
  const actor = requireActor(ctx);
  await ctx.tx(async (tx) => {
    const contract = await boardForEditor(tx, actor, input.contractId);
    const task = await lockTask(tx, contract.contractId, input.taskId);
    if (task.createdBy !== actor.userId) {
      throw new AppError('forbidden', { userMessage: 'Only the person who added a task can delete it.' });
    }
    if (task.state !== 'todo') {
      throw new AppError('invalid_state', {
        userMessage: `This task is ${stateLabel[task.state]}; only a task still to do can be deleted.`,
        fields: [{ field: 'state', message: `The task is ${stateLabel[task.state]}.` }],
        details: { state: task.state },
      });
    }
    await tx.delete(contractTasks).where(eq(contractTasks.id, task.id));
    await recordTaskDeleted(tx, ctx.clock, task, actor.userId, ctx.clock.now());
  });
}
