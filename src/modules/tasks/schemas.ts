import { z } from 'zod';
import { TASK_STATES } from './tables.ts';
import { DESCRIPTION_MAX, TITLE_MAX } from './task-fields.ts';

export const BoardParams = z.object({ id: z.uuid() });
export const TaskParams = z.object({ id: z.uuid(), taskId: z.uuid() });

const Title = z.string().min(1).max(TITLE_MAX);
const Description = z.string().max(DESCRIPTION_MAX);
const AssigneeId = z.uuid().nullable().describe('The client or the freelancer of the contract; null for nobody');
const DueDate = z.iso.date().nullable().describe('YYYY-MM-DD; null for none');
const MilestoneId = z.uuid().nullable().describe('A milestone of this contract; null for none');

export const CreateTaskRequest = z
  .object({
    title: Title,
    description: Description.optional(),
    assigneeId: AssigneeId.optional(),
    dueDate: DueDate.optional(),
    milestoneId: MilestoneId.optional(),
  })
  .meta({ id: 'CreateTaskRequest' });

export const UpdateTaskRequest = z
  .object({
    title: Title.optional(),
    description: Description.optional(),
    assigneeId: AssigneeId.optional(),
    dueDate: DueDate.optional(),
    milestoneId: MilestoneId.optional(),
    state: z
      .enum(TASK_STATES)
      .optional()
      .describe('Move the task: todo -> in_progress or done; in_progress -> todo or done; done -> in_progress'),
  })
  .meta({ id: 'UpdateTaskRequest' });

const Person = z.object({ userId: z.uuid(), name: z.string() });

export const TaskResponse = z
  .object({
    id: z.uuid(),
    contractId: z.uuid(),
    title: z.string(),
    description: z.string(),
    assignee: Person.nullable(),
    dueDate: z.string().nullable(),
    state: z.enum(TASK_STATES),
    milestone: z
      .object({ id: z.uuid(), title: z.string().nullable().describe('null if the milestone was removed since') })
      .nullable(),
    createdBy: Person,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Task' });

export const TaskBoardResponse = z
  .object({
    contractId: z.uuid(),
    readOnly: z.boolean().describe('The contract ended, or you are an operator: the board can only be read'),
    counts: z.object({ todo: z.number().int(), in_progress: z.number().int(), done: z.number().int() }),
    tasks: z.array(TaskResponse),
  })
  .meta({ id: 'TaskBoard' });
