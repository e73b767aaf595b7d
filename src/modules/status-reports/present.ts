import type { z } from 'zod';
import type { StatusReportList } from './list-status-reports.ts';
import type { StatusReportRow } from './report-view.ts';
import type { StatusReportListResponse, StatusReportResponse } from './schemas.ts';
import { weekEnd, weekLabel } from './weeks.ts';

export function presentStatusReport(
  row: StatusReportRow,
  extra: { correctedById: string | null; freelancerName: string },
): z.infer<typeof StatusReportResponse> {
  return {
    id: row.id,
    contractId: row.contractId,
    week: weekLabel(row.weekStart),
    weekStart: row.weekStart,
    weekEnd: weekEnd(row.weekStart).toISOString(),
    freelancer: { userId: row.freelancerId, name: extra.freelancerName },
    correctsReportId: row.correctsReportId,
    correctedById: extra.correctedById,
    progress: row.progress,
    plans: row.plans,
    blockers: row.blockers,
    submittedMilestoneIds: row.submittedMilestoneIds,
    filedAt: row.filedAt.toISOString(),
  };
}

export function presentStatusReportList(list: StatusReportList): z.infer<typeof StatusReportListResponse> {
  return {
    contractId: list.contractId,
    canFile: list.canFile,
    currentWeek: {
      week: weekLabel(list.currentWeekStart),
      weekStart: list.currentWeekStart,
      weekEnd: weekEnd(list.currentWeekStart).toISOString(),
      filed: list.currentWeekFiled,
    },
    reports: list.reports.map((report) => presentStatusReport(report.row, report)),
  };
}
