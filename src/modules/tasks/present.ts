import type { z } from 'zod';
import type { TaskBoard } from './list-tasks.ts';
import type { TaskBoardResponse, TaskResponse } from './schemas.ts';
import type { TaskView } from './task-view.ts';

export function presentTask(view: TaskView): z.infer<typeof TaskResponse> {
  const { row } = view;
  return {
    id: row.id,
    contractId: row.contractId,
    title: row.title,
    description: row.description,
    assignee: view.assignee,
    dueDate: row.dueDate,
    state: row.state,
    milestone: view.milestone,
    createdBy: view.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentBoard(board: TaskBoard): z.infer<typeof TaskBoardResponse> {
  return {
    contractId: board.contractId,
    readOnly: board.readOnly,
    counts: board.counts,
    tasks: board.tasks.map(presentTask),
  };
}
