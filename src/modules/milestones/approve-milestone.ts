import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import { invalidField } from '../../platform/errors.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import type { ContractRow, MilestoneRow } from '../contracts/index.ts';
import { inEscrowOf, lockContractAs, lockMilestone, requireFixedPrice } from './access.ts';
import { announce, money } from './contract-events.ts';
import { lifecycleLimits } from './limits.ts';
import { saveMilestone } from './milestone-rows.ts';
import { type Payment, payFreelancer } from './pay-freelancer.ts';
import { lockPendingSubmission } from './request-changes.ts';
import { milestoneSubmissions } from './tables.ts';
import { milestoneTransition, requireActiveContract } from './transitions.ts';

export interface ApprovalResult {
  milestone: MilestoneRow;
  payment: Payment;
  /** Escrow the approval left for the next milestone. */
  leftoverCents: number;
}

/**
 * Approves a submitted milestone and releases `amountCents` of its escrow (default: all of it) to
 * the freelancer, in the caller's transaction, with the contract and milestone locked. Paying
 * less leaves the rest in the contract's escrow, held on this milestone until the next milestone
 * is funded, which takes it first. `approvedBy` null: the platform approved (the review window
 * passed).
 */
export async function releaseMilestone(
  tx: Tx,
  clock: Clock,
  input: {
    contract: ContractRow;
    milestone: MilestoneRow;
    amountCents?: number | undefined;
    approvedBy: string | null;
    note: string;
  },
): Promise<ApprovalResult> {
  const { contract, milestone } = input;
  const to = milestoneTransition(milestone.state, 'approve', input.approvedBy ? 'client' : 'system');
  requireActiveContract(contract.state);
  const held = inEscrowOf(milestone);
  const amount = input.amountCents ?? held;
  if (!Number.isSafeInteger(amount) || amount < 1 || amount > held) {
    throw invalidField(
      'amountCents',
      `Pay between $0.01 and the ${money(held, contract.currency)} held for this milestone.`,
    );
  }
  const now = clock.now();
  const submission = await lockPendingSubmission(tx, milestone.id);
  const label = `Milestone ${milestone.position}: ${milestone.title}`;
  const { payment, split } = await payFreelancer(tx, {
    contract,
    kind: 'milestone',
    milestoneId: milestone.id,
    grossCents: amount,
    clientFeeCents: 0,
    paidBy: input.approvedBy,
    note: input.note,
    description: label,
    idempotencyKey: `milestone:release:${milestone.id}`,
    at: now,
  });
  await tx
    .update(milestoneSubmissions)
    .set({ outcome: 'approved', responseNote: input.note || null, respondedBy: input.approvedBy, respondedAt: now })
    .where(eq(milestoneSubmissions.id, submission.id));
  const approved = await saveMilestone(
    tx,
    milestone.id,
    { state: to, releasedCents: milestone.releasedCents + amount },
    now,
  );
  const leftoverCents = held - amount;
  const who = input.approvedBy ? 'approved' : 'approved automatically (no answer within 14 days)';
  const rest =
    leftoverCents > 0 ? `; ${money(leftoverCents, contract.currency)} stays in escrow for the next milestone` : '';
  await announce(tx, clock, contract, {
    kind: 'milestone.approved',
    actorId: input.approvedBy,
    summary: `Milestone ${milestone.position} ${who}: ${milestone.title}`,
    message: false,
    data: {
      milestoneId: milestone.id,
      submissionId: submission.id,
      automatic: input.approvedBy === null,
      note: input.note,
    },
  });
  await announce(tx, clock, contract, {
    kind: 'payment.released',
    actorId: input.approvedBy,
    summary: `${money(amount, contract.currency)} released for milestone ${milestone.position} (${money(split.feeCents, contract.currency)} service fee, ${money(split.netCents, contract.currency)} to the freelancer)${rest}`,
    message: `Milestone ${milestone.position} ${who}: ${money(amount, contract.currency)} released${rest}.`,
    data: {
      milestoneId: milestone.id,
      paymentId: payment.id,
      transferId: payment.transferId,
      amountCents: amount,
      feeCents: split.feeCents,
      netCents: split.netCents,
      leftoverCents,
      currency: contract.currency,
    },
    notify: [
      {
        userId: contract.freelancerId,
        kind: 'milestone.approved',
        title: `Milestone ${input.approvedBy ? 'approved' : 'approved automatically'}: ${milestone.title}`,
        body: `${money(split.netCents, contract.currency)} is in your pending earnings (after a ${money(split.feeCents, contract.currency)} service fee).`,
      },
      ...(input.approvedBy
        ? []
        : [
            {
              userId: contract.clientId,
              kind: 'milestone.auto_approved',
              title: `Milestone approved automatically: ${milestone.title}`,
              body: `The 14-day review window passed, so ${money(amount, contract.currency)} was released.`,
            },
          ]),
    ],
  });
  return { milestone: approved, payment, leftoverCents };
}

/** POST /api/contracts/:id/milestones/:mid/approve: the client approves submitted work and pays. */
export async function approveMilestone(
  ctx: Ctx,
  input: { contractId: string; milestoneId: string; amountCents?: number | undefined; note?: string | undefined },
): Promise<ApprovalResult> {
  const actor = requireActor(ctx);
  const note = (input.note ?? '').trim();
  if (note.length > lifecycleLimits.noteMax) {
    throw invalidField('note', `Use at most ${lifecycleLimits.noteMax} characters.`);
  }
  return ctx.tx(async (tx) => {
    const { contract, side } = await lockContractAs(tx, actor, input.contractId);
    const milestone = await lockMilestone(tx, contract.id, input.milestoneId);
    requireFixedPrice(contract);
    milestoneTransition(milestone.state, 'approve', side);
    return releaseMilestone(tx, ctx.clock, {
      contract,
      milestone,
      amountCents: input.amountCents,
      approvedBy: actor.userId,
      note,
    });
  });
}
