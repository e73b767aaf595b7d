import { type Ctx, requireActor } from '../../server/context.ts';
import { boardForReader } from './access.ts';
import type { TaskState } from './tables.ts';
import { type TaskView, tasksOf, viewTasks } from './task-view.ts';

export interface TaskBoard {
  contractId: string;
  /** True after the contract ended (and for operators): the board can only be read. */
  readOnly: boolean;
  counts: Record<TaskState, number>;
  tasks: TaskView[];
}

/** GET /api/contracts/:id/tasks: the whole board, oldest task first (parties and operators). */
export async function listTasks(ctx: Ctx, contractId: string): Promise<TaskBoard> {
  const actor = requireActor(ctx);
  return ctx.tx(
    async (tx) => {
      const contract = await boardForReader(tx, actor, contractId);
      const tasks = await viewTasks(tx, contract.contractId, await tasksOf(tx, contract.contractId));
      const counts: Record<TaskState, number> = { todo: 0, in_progress: 0, done: 0 };
      for (const task of tasks) counts[task.row.state] += 1;
      const isParty = actor.userId === contract.clientId || actor.userId === contract.freelancerId;
      return { contractId: contract.contractId, readOnly: contract.ended || !isParty, counts, tasks };
    },
    { isolationLevel: 'repeatable read' },
  );
}
