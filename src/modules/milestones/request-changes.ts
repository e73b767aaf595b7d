import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import { invalidField } from '../../platform/errors.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { lockContractAs, lockMilestone, requireFixedPrice } from './access.ts';
import { announce } from './contract-events.ts';
import { lifecycleLimits } from './limits.ts';
import { saveMilestone } from './milestone-rows.ts';
import type { Submission } from './submit-milestone.ts';
import { milestoneSubmissions } from './tables.ts';
import { milestoneTransition, requireActiveContract } from './transitions.ts';

/** The submission the client is reviewing, locked. */
export async function lockPendingSubmission(tx: Tx, milestoneId: string): Promise<Submission> {
  const [row] = await tx
    .select()
    .from(milestoneSubmissions)
    .where(and(eq(milestoneSubmissions.milestoneId, milestoneId), eq(milestoneSubmissions.outcome, 'pending')))
    .for('update');
  if (!row) throw new Error(`submitted milestone ${milestoneId} has no pending submission`);
  return row;
}

/**
 * POST /api/contracts/:id/milestones/:mid/request-changes: the client sends submitted work back,
 * saying what must change; the freelancer resubmits.
 */
export async function requestChanges(
  ctx: Ctx,
  input: { contractId: string; milestoneId: string; message: string },
): Promise<Submission> {
  const actor = requireActor(ctx);
  const message = input.message.trim();
  if (message.length === 0) throw invalidField('message', 'Say what must change.');
  if (message.length > lifecycleLimits.messageMax) {
    throw invalidField('message', `Use at most ${lifecycleLimits.messageMax} characters.`);
  }
  return ctx.tx(async (tx) => {
    const { contract, side } = await lockContractAs(tx, actor, input.contractId);
    const milestone = await lockMilestone(tx, contract.id, input.milestoneId);
    requireFixedPrice(contract);
    const to = milestoneTransition(milestone.state, 'request_changes', side);
    requireActiveContract(contract.state);
    const now = ctx.clock.now();
    const submission = await lockPendingSubmission(tx, milestone.id);
    const [answered] = await tx
      .update(milestoneSubmissions)
      .set({ outcome: 'changes_requested', responseNote: message, respondedBy: actor.userId, respondedAt: now })
      .where(eq(milestoneSubmissions.id, submission.id))
      .returning();
    await saveMilestone(tx, milestone.id, { state: to }, now);
    await announce(tx, ctx.clock, contract, {
      kind: 'milestone.changes_requested',
      actorId: actor.userId,
      summary: `Changes requested on milestone ${milestone.position}: ${milestone.title}`,
      data: { milestoneId: milestone.id, submissionId: submission.id, round: submission.round, message },
      notify: [
        {
          userId: contract.freelancerId,
          kind: 'milestone.changes_requested',
          title: `Changes requested: ${milestone.title}`,
          body: message.slice(0, 500),
        },
      ],
    });
    return answered as Submission;
  });
}
