import { z } from 'zod';
import { cleanText } from '../profiles/text.ts';
import { reportLimits } from './limits.ts';

export const ReportsParams = z.object({ id: z.uuid() });

const text = (max: number) =>
  z
    .string()
    .transform(cleanText)
    .pipe(z.string().max(max, `Use at most ${max} characters.`));

export const FileStatusReportRequest = z
  .object({
    week: z
      .string()
      .regex(/^\d{4}-W\d{2}$/, 'Use an ISO week like 2026-W03.')
      .optional()
      .describe('The ISO week (Monday to Sunday, UTC) reported on: this week (default) or last week'),
    correctsReportId: z
      .uuid()
      .optional()
      .describe('File a correction of this report (the latest of its week); reports are never edited'),
    progress: z
      .array(
        z.object({
          milestoneId: z.uuid(),
          percent: z.number().int('Use a whole percentage.').min(0, 'Use 0 to 100.').max(100, 'Use 0 to 100.'),
        }),
      )
      .max(reportLimits.progressMax)
      .default([])
      .describe('Progress per milestone; 100 submits a funded milestone for approval'),
    plans: text(reportLimits.plansMax).default('').describe('Plans for next week'),
    blockers: text(reportLimits.blockersMax).default('').describe('Issues blocking the work'),
  })
  .meta({ id: 'FileStatusReportRequest' });

export const StatusReportResponse = z
  .object({
    id: z.uuid(),
    contractId: z.uuid(),
    week: z.string().describe('ISO week, e.g. 2026-W03'),
    weekStart: z.iso.date().describe('Monday, UTC'),
    weekEnd: z.iso.datetime().describe('When the week ends: the next Monday 00:00 UTC'),
    freelancer: z.object({ userId: z.uuid(), name: z.string() }),
    correctsReportId: z.uuid().nullable(),
    correctedById: z.uuid().nullable().describe('The later report that corrects this one'),
    progress: z.array(z.object({ milestoneId: z.uuid(), title: z.string(), percent: z.number().int() })),
    plans: z.string(),
    blockers: z.string(),
    submittedMilestoneIds: z.array(z.uuid()).describe('Milestones this report submitted for approval'),
    filedAt: z.iso.datetime(),
  })
  .meta({ id: 'StatusReport' });

export const StatusReportListResponse = z
  .object({
    contractId: z.uuid(),
    canFile: z.boolean().describe('You are the freelancer and the contract is a running fixed-price one'),
    currentWeek: z.object({
      week: z.string(),
      weekStart: z.iso.date(),
      weekEnd: z.iso.datetime(),
      filed: z.boolean(),
    }),
    reports: z.array(StatusReportResponse).describe('Newest week first'),
  })
  .meta({ id: 'StatusReportList' });
