import { and, asc, eq, lte } from 'drizzle-orm';
import { MINUTE } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { Ctx } from '../../server/context.ts';
import type { ScheduledTask } from '../../server/module.ts';
import { contractMilestones, contracts } from '../contracts/tables.ts';
import { lockContract, lockMilestone } from './access.ts';
import { releaseMilestone } from './approve-milestone.ts';
import { milestoneSubmissions } from './tables.ts';

const BATCH = 200;

/**
 * Approves and pays in full every submission whose 14-day review window has passed without an
 * answer, one transaction each, recorded as done by the platform. Idempotent: a submission the
 * client answered meanwhile, or one already approved, is skipped under the contract lock; a
 * contract that is ending keeps its escrow for the end's settlement.
 */
export async function autoApproveMilestones(ctx: Ctx): Promise<number> {
  const due = await ctx.db
    .select({ contractId: milestoneSubmissions.contractId, milestoneId: milestoneSubmissions.milestoneId })
    .from(milestoneSubmissions)
    // An ending contract's submissions wait for the end's settlement instead.
    .innerJoin(contracts, and(eq(contracts.id, milestoneSubmissions.contractId), eq(contracts.state, 'active')))
    .where(and(eq(milestoneSubmissions.outcome, 'pending'), lte(milestoneSubmissions.reviewDueAt, ctx.clock.now())))
    .innerJoin(contractMilestones, eq(contractMilestones.id, milestoneSubmissions.milestoneId))
    // Due at the same instant: in milestone order, so each fee starts from a predictable total.
    .orderBy(
      asc(milestoneSubmissions.reviewDueAt),
      asc(milestoneSubmissions.contractId),
      asc(contractMilestones.position),
    )
    .limit(BATCH);
  let approved = 0;
  for (const { contractId, milestoneId } of due) {
    try {
      const done = await ctx.tx(async (tx) => {
        const contract = await lockContract(tx, contractId);
        const milestone = await lockMilestone(tx, contractId, milestoneId);
        if (milestone.state !== 'submitted' || contract.state !== 'active') return false;
        const [pending] = await tx
          .select({ reviewDueAt: milestoneSubmissions.reviewDueAt })
          .from(milestoneSubmissions)
          .where(and(eq(milestoneSubmissions.milestoneId, milestoneId), eq(milestoneSubmissions.outcome, 'pending')));
        if (!pending || pending.reviewDueAt > ctx.clock.now()) return false;
        await releaseMilestone(tx, ctx.clock, { contract, milestone, approvedBy: null, note: '' });
        return true;
      });
      if (done) approved++;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      ctx.log.warn({ err: error, milestoneId }, 'milestone not approved automatically');
    }
  }
  return approved;
}

export const autoApproveMilestonesTask: ScheduledTask = {
  name: 'milestones.auto-approve',
  everyMs: 10 * MINUTE,
  run: async (ctx) => ({ processed: await autoApproveMilestones(ctx) }),
};
