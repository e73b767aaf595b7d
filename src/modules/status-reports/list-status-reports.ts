import { type Ctx, requireActor } from '../../server/context.ts';
import { getPublicUsers } from '../accounts/public-users.ts';
import { canFileReports, reportsForReader } from './access.ts';
import { reportsOf, type StatusReportRow } from './report-view.ts';
import { isoDate, weekStartOf } from './weeks.ts';

export interface StatusReportList {
  contractId: string;
  canFile: boolean;
  /** The Monday of the current week (UTC) and whether its report is filed. */
  currentWeekStart: string;
  currentWeekFiled: boolean;
  reports: { row: StatusReportRow; correctedById: string | null; freelancerName: string }[];
}

/** GET /api/contracts/:id/status-reports: both parties and operators read every report, newest first. */
export async function listStatusReports(ctx: Ctx, contractId: string): Promise<StatusReportList> {
  const actor = requireActor(ctx);
  const contract = await reportsForReader(ctx.db, actor, contractId);
  const rows = await reportsOf(ctx.db, contract.contractId);
  const users = await getPublicUsers(ctx.db, [contract.freelancerId]);
  const freelancerName = users.get(contract.freelancerId)?.displayName ?? 'Freelancer';
  const currentWeekStart = isoDate(weekStartOf(ctx.clock.now()));
  return {
    contractId: contract.contractId,
    canFile: canFileReports(contract, actor),
    currentWeekStart,
    currentWeekFiled: rows.some((row) => row.weekStart === currentWeekStart),
    reports: rows.map((row) => ({
      row,
      correctedById: rows.find((other) => other.correctsReportId === row.id)?.id ?? null,
      freelancerName,
    })),
  };
}
