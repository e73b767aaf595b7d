import { z } from 'zod';
import type { App } from '../../server/module.ts';
import { createTask } from './create-task.ts';
import { deleteTask } from './delete-task.ts';
import { listTasks } from './list-tasks.ts';
import { presentBoard, presentTask } from './present.ts';
import {
  BoardParams,
  CreateTaskRequest,
  TaskBoardResponse,
  TaskParams,
  TaskResponse,
  UpdateTaskRequest,
} from './schemas.ts';
import { updateTask } from './update-task.ts';

const tags = ['tasks'];

export function registerTaskRoutes(app: App): void {
  app.get(
    '/api/contracts/:id/tasks',
    {
      schema: {
        tags,
        summary: "The contract's task board (parties; operators read only)",
        params: BoardParams,
        response: { 200: TaskBoardResponse },
      },
      config: { auth: 'user' },
    },
    async (req) => presentBoard(await listTasks(req.ctx, req.params.id)),
  );

  app.post(
    '/api/contracts/:id/tasks',
    {
      schema: {
        tags,
        summary: 'Add a task (either party, while the contract runs)',
        params: BoardParams,
        body: CreateTaskRequest,
        response: { 201: TaskResponse },
      },
      config: { auth: 'user' },
    },
    async (req, reply) => reply.status(201).send(presentTask(await createTask(req.ctx, req.params.id, req.body))),
  );

  app.patch(
    '/api/contracts/:id/tasks/:taskId',
    {
      schema: {
        tags,
        summary: 'Edit a task or move it on the board (either party, while the contract runs)',
        params: TaskParams,
        body: UpdateTaskRequest,
        response: { 200: TaskResponse },
      },
      config: { auth: 'user' },
    },
    async (req) =>
      presentTask(
        await updateTask(req.ctx, { contractId: req.params.id, taskId: req.params.taskId, update: req.body }),
      ),
  );

  app.delete(
    '/api/contracts/:id/tasks/:taskId',
    {
      schema: {
        tags,
        summary: 'Delete a task (only who added it, only while it is still to do)',
        params: TaskParams,
        response: { 204: z.null().describe('Deleted') },
      },
      config: { auth: 'user' },
    },
    async (req, reply) => {
      await deleteTask(req.ctx, { contractId: req.params.id, taskId: req.params.taskId });
      return reply.status(204).send(null);
    },
  );
}
