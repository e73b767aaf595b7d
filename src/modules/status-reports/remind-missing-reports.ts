import { and, eq } from 'drizzle-orm';
import { DAY } from '../../platform/clock.ts';
import type { Ctx } from '../../server/context.ts';
import type { ScheduledTask } from '../../server/module.ts';
import { listRunningContracts } from '../contracts/active-contracts.ts';
import { notify } from '../notifications/notify.ts';
import { statusReportReminders, statusReports } from './tables.ts';
import { isoDate, WEEK_MS, weekLabel, weekStartOf } from './weeks.ts';

const BATCH = 200;
/** A week's report is late one day after the week ends (Tuesday 00:00 UTC): then the reminder goes. */
const GRACE_MS = DAY;

/**
 * Reminds the freelancer of each running fixed-price contract whose report for last week is
 * missing, once per contract and week (the reminder row is the guard, so retries and concurrent
 * runs send one). Contracts that started after last week ended owe no report for it.
 */
export async function remindMissingReports(ctx: Ctx): Promise<{ processed: number }> {
  const now = ctx.clock.now();
  const thisWeek = weekStartOf(now);
  if (now.getTime() < thisWeek.getTime() + GRACE_MS) return { processed: 0 };
  const lastWeek = isoDate(new Date(thisWeek.getTime() - WEEK_MS));
  const label = weekLabel(lastWeek);
  let processed = 0;
  let afterId: string | null = null;
  for (;;) {
    const page = await listRunningContracts(ctx.db, { type: 'fixed', startedBefore: thisWeek, afterId, limit: BATCH });
    for (const contract of page) {
      const sent = await ctx.tx(async (tx) => {
        const [filed] = await tx
          .select({ id: statusReports.id })
          .from(statusReports)
          .where(and(eq(statusReports.contractId, contract.id), eq(statusReports.weekStart, lastWeek)))
          .limit(1);
        if (filed) return false;
        const [reminder] = await tx
          .insert(statusReportReminders)
          .values({ contractId: contract.id, weekStart: lastWeek, sentAt: now })
          .onConflictDoNothing()
          .returning();
        if (!reminder) return false;
        await notify(tx, ctx.clock, {
          userId: contract.freelancerId,
          kind: 'status_report.missing',
          title: `Your status report for ${label} is missing: ${contract.title}`,
          body: 'File it from the Workroom so your client knows where the work stands.',
          link: `/contracts/${contract.id}?tab=reports`,
        });
        return true;
      });
      if (sent) processed += 1;
    }
    const last = page.at(-1);
    if (page.length < BATCH || !last) return { processed };
    afterId = last.id;
  }
}

export const remindMissingReportsTask: ScheduledTask = {
  name: 'status-reports.remind-missing',
  everyMs: 60 * 60_000,
  run: remindMissingReports,
};
