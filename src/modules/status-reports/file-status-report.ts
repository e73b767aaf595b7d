import { AppError, invalidField } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { getPublicUsers } from '../accounts/public-users.ts';
import { appendRecordEntry } from '../contract-record/index.ts';
import { contractStartedAt } from '../contracts/active-contracts.ts';
import { type MilestoneRow, milestonesOf } from '../contracts/index.ts';
import { notify } from '../notifications/notify.ts';
import { contractForFiling } from './access.ts';
import { COMPLETE_PERCENT } from './limits.ts';
import { reportsForWeek, type StatusReportRow } from './report-view.ts';
import { submitCompletedMilestones } from './submit-completed.ts';
import { type ReportedProgress, statusReports } from './tables.ts';
import { isoDate, parseWeekLabel, WEEK_MS, weekEnd, weekLabel, weekStartOf } from './weeks.ts';

export interface FiledReport {
  row: StatusReportRow;
  correctedById: null;
  freelancerName: string;
}

export interface FileStatusReportInput {
  /** ISO week like "2026-W03"; the current week when absent. */
  week?: string | undefined;
  correctsReportId?: string | undefined;
  progress: { milestoneId: string; percent: number }[];
  plans: string;
  blockers: string;
}

/** The week reported on: this week, or last week for a late report, never before the contract began. */
function reportWeek(input: FileStatusReportInput, now: Date, startedAt: Date): string {
  const thisWeek = weekStartOf(now);
  const weekStart = input.week === undefined ? isoDate(thisWeek) : parseWeekLabel(input.week);
  if (!weekStart) throw invalidField('week', 'Use an ISO week like 2026-W03.');
  const lastWeek = isoDate(new Date(thisWeek.getTime() - WEEK_MS));
  if (weekStart !== isoDate(thisWeek) && weekStart !== lastWeek) {
    throw invalidField(
      'week',
      `Report on this week (${weekLabel(isoDate(thisWeek))}) or last week (${weekLabel(lastWeek)}).`,
    );
  }
  if (weekEnd(weekStart) <= startedAt) throw invalidField('week', 'The contract had not started in that week.');
  return weekStart;
}

function reportedProgress(input: FileStatusReportInput, milestones: MilestoneRow[]): ReportedProgress[] {
  const seen = new Set<string>();
  return input.progress.map((item, index) => {
    const milestone = milestones.find((candidate) => candidate.id === item.milestoneId);
    if (!milestone) throw invalidField(`progress.${index}.milestoneId`, 'Not a milestone of this contract.');
    if (seen.has(milestone.id)) throw invalidField(`progress.${index}.milestoneId`, 'This milestone is listed twice.');
    seen.add(milestone.id);
    return { milestoneId: milestone.id, title: milestone.title, percent: item.percent };
  });
}

/** The report this one corrects (the latest of its week), or a refusal if the week already has one. */
function checkCorrection(input: FileStatusReportInput, weekReports: StatusReportRow[], label: string): string | null {
  const latest = weekReports.find((report) => !weekReports.some((other) => other.correctsReportId === report.id));
  if (input.correctsReportId === undefined) {
    if (latest) {
      throw new AppError('already_exists', {
        userMessage: `The report for ${label} is already filed. Reports cannot be edited: file a correction instead.`,
        details: { reportId: latest.id },
      });
    }
    return null;
  }
  if (!latest || latest.id !== input.correctsReportId) {
    throw invalidField(
      'correctsReportId',
      latest ? 'Correct the latest report of this week.' : `No report of ${label} to correct.`,
    );
  }
  return latest.id;
}

function recordSummary(label: string, progress: ReportedProgress[], corrects: boolean): string {
  const parts = progress.map((item) => `${item.title} ${item.percent}%`);
  const head = `${corrects ? 'Corrected status report' : 'Status report'} for ${label}`;
  return (parts.length > 0 ? `${head}: ${parts.join(', ')}` : head).slice(0, 2000);
}

/**
 * POST /api/contracts/:id/status-reports: the freelancer files this week's (or last week's) report.
 * A milestone marked 100% that is funded (or had changes requested) is submitted for approval with
 * the report's text, in the same transaction: the report and the submission exist together or not.
 */
export async function fileStatusReport(
  ctx: Ctx,
  contractId: string,
  input: FileStatusReportInput,
): Promise<FiledReport> {
  const actor = requireActor(ctx);
  if (input.plans.length === 0 && input.blockers.length === 0 && input.progress.length === 0) {
    throw invalidField('progress', 'Report progress on a milestone, your plans or what blocks you.');
  }
  return ctx.tx(async (tx) => {
    const contract = await contractForFiling(tx, actor, contractId);
    const now = ctx.clock.now();
    const weekStart = reportWeek(input, now, (await contractStartedAt(tx, contract.contractId)) ?? now);
    const label = weekLabel(weekStart);
    const milestones = await milestonesOf(tx, contract.contractId);
    const progress = reportedProgress(input, milestones);
    const correctsReportId = checkCorrection(input, await reportsForWeek(tx, contract.contractId, weekStart), label);
    const id = newId();
    const completed = progress.filter((item) => item.percent === COMPLETE_PERCENT).map((item) => item.milestoneId);
    const submitted = await submitCompletedMilestones(tx, ctx.clock, actor, {
      contractId: contract.contractId,
      milestones,
      completedIds: completed,
      week: label,
      message: submissionMessage(label, input),
    });
    const [row] = await tx
      .insert(statusReports)
      .values({
        id,
        contractId: contract.contractId,
        freelancerId: actor.userId,
        weekStart,
        correctsReportId,
        progress,
        plans: input.plans,
        blockers: input.blockers,
        submittedMilestoneIds: submitted,
        filedAt: now,
      })
      .returning();
    if (!row) throw new Error('status report insert returned no row');
    await appendRecordEntry(tx, ctx.clock, {
      contractId: contract.contractId,
      kind: 'status_report.filed',
      actorId: actor.userId,
      summary: recordSummary(label, progress, correctsReportId !== null),
      data: {
        reportId: id,
        week: label,
        weekStart,
        correctsReportId,
        progress,
        plans: input.plans,
        blockers: input.blockers,
        submittedMilestoneIds: submitted,
      },
      at: now,
    });
    await notify(tx, ctx.clock, {
      userId: contract.clientId,
      kind: 'status_report.filed',
      title: `${correctsReportId ? 'Corrected status report' : 'Status report'} for ${label}: ${contract.title}`,
      body: submitted.length > 0 ? `${submitted.length} milestone(s) submitted for your approval.` : '',
      link: `/contracts/${contract.contractId}?tab=reports`,
    });
    const users = await getPublicUsers(tx, [actor.userId]);
    return { row, correctedById: null, freelancerName: users.get(actor.userId)?.displayName ?? 'Freelancer' };
  });
}

function submissionMessage(label: string, input: FileStatusReportInput): string {
  const lines = [`Marked 100% complete in the status report for ${label}.`];
  if (input.plans) lines.push(`Plans for next week: ${input.plans}`);
  if (input.blockers) lines.push(`Issues blocking: ${input.blockers}`);
  return lines.join('\n\n');
}
