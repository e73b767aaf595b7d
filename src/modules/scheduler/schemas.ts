import { z } from 'zod';

export const TaskStateResponse = z
  .object({
    name: z.string(),
    everyMs: z.number().int(),
    runCount: z.number().int(),
    lastStartedAt: z.iso.datetime().nullable(),
    lastFinishedAt: z.iso.datetime().nullable(),
    lastError: z.string().nullable().describe('The error of the last run, null when it succeeded'),
    lastProcessed: z.number().int().nullable().describe('How many items the last run handled, when it says'),
    nextDueAt: z.iso.datetime().nullable().describe('Null until the task first runs: it is due at once'),
    due: z.boolean(),
  })
  .meta({ id: 'TaskState' });

export const TaskListResponse = z
  .object({
    now: z.iso.datetime().describe('The server clock'),
    schedulerEnabled: z.boolean().describe('Whether this process runs the scheduler (SCHEDULER)'),
    tasks: z.array(TaskStateResponse),
  })
  .meta({ id: 'TaskList' });

export const TaskRunReportResponse = z
  .object({
    name: z.string(),
    outcome: z.enum(['succeeded', 'failed', 'not_due', 'locked']),
    processed: z.number().int().nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: 'TaskRunReport' });

export const ClockResponse = z
  .object({
    now: z.iso.datetime(),
    offsetMs: z.number().int().describe('How far the clock is ahead of real time'),
  })
  .meta({ id: 'Clock' });

export const AdvanceClockRequest = z
  .object({
    by: z
      .string()
      .min(2)
      .max(20)
      .regex(/^\d+(\.\d+)?\s*(ms|s|m|h|d|w)$/, 'Use a duration like 90s, 15m, 3h, 14d or 2w')
      .describe('How far to move the clock forward, e.g. "14d" or "3h"'),
  })
  .meta({ id: 'AdvanceClockRequest' });

export const AdvanceClockResponse = ClockResponse.extend({
  tasks: z.array(TaskRunReportResponse).describe('The due tasks run right after moving the clock'),
}).meta({ id: 'AdvanceClockResponse' });
