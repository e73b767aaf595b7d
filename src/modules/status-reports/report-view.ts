import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { statusReports } from './tables.ts';

export type StatusReportRow = typeof statusReports.$inferSelect;

/** A contract's reports, newest first. */
export async function reportsOf(executor: Executor, contractId: string): Promise<StatusReportRow[]> {
  return executor
    .select()
    .from(statusReports)
    .where(eq(statusReports.contractId, contractId))
    .orderBy(desc(statusReports.weekStart), desc(statusReports.filedAt), desc(statusReports.id));
}

/** The reports filed for one week of a contract (the original and its corrections). */
export async function reportsForWeek(
  executor: Executor,
  contractId: string,
  weekStart: string,
): Promise<StatusReportRow[]> {
  return executor
    .select()
    .from(statusReports)
    .where(and(eq(statusReports.contractId, contractId), eq(statusReports.weekStart, weekStart)));
}
