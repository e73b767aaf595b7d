import type { Executor } from '../../db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { type ContractRow, type MilestoneRow, milestonesOf } from '../contracts/index.ts';
import { clientMarketplaceFee, feeScheduleInForce } from '../fees/index.ts';
import { clientFundingAccount, escrowAccount, platformAccount } from '../ledger/accounts.ts';
import { type PostingInput, postTransfer } from '../ledger/post-transfer.ts';
import { contractForReader, lockContractAs, lockMilestones, requireFixedPrice } from './access.ts';
import { chargeShortfall, reserveClientFunds } from './client-funds.ts';
import { announce, money } from './contract-events.ts';
import { carryLeftovers, leftoverOf, saveMilestone } from './milestone-rows.ts';
import { milestoneTransition, requireActiveContract, type Who } from './transitions.ts';

export interface FundMilestoneInput {
  contractId: string;
  milestoneId: string;
  /** Charged for what the client's Workroom funds do not cover (default method otherwise). */
  billingMethodId?: string | undefined;
  /** The request's Idempotency-Key. */
  requestKey: string;
}

interface FundingPlan {
  contract: ContractRow;
  milestones: MilestoneRow[];
  target: MilestoneRow;
  /** Leftover escrow from partial approvals applied first. */
  carryCents: number;
  /** New money into escrow, and the marketplace fee on it. */
  escrowCents: number;
  feeCents: number;
  feeScheduleVersion: number;
}

async function planFunding(
  executor: Executor,
  contract: ContractRow,
  milestones: MilestoneRow[],
  step: { milestoneId: string; by: Who; at: Date },
): Promise<FundingPlan> {
  const target = milestones.find((milestone) => milestone.id === step.milestoneId);
  if (!target) throw notFound('Milestone');
  requireFixedPrice(contract);
  milestoneTransition(target.state, 'fund', step.by);
  requireActiveContract(contract.state);
  const missing = Math.max(0, target.amountCents - target.fundedCents);
  const carryCents = Math.min(missing, leftoverOf(milestones));
  const escrowCents = missing - carryCents;
  const schedule = await feeScheduleInForce(executor, step.at);
  const feeCents = escrowCents > 0 ? clientMarketplaceFee(escrowCents, schedule) : 0;
  return { contract, milestones, target, carryCents, escrowCents, feeCents, feeScheduleVersion: schedule.version };
}

/**
 * POST /api/contracts/:id/milestones/:mid/fund: the client pays the milestone (plus the client
 * marketplace fee) into the contract's escrow, from their Workroom funds, the billing method
 * charged for any shortfall. Escrow left over by a partial approval is applied first. The
 * freelancer is told work can begin.
 */
export async function fundMilestone(ctx: Ctx, input: FundMilestoneInput): Promise<MilestoneRow> {
  const actor = requireActor(ctx);
  const { contract, side } = await contractForReader(ctx.db, actor, input.contractId);
  // Checked before charging anything, and again under the locks.
  const preview = await planFunding(ctx.db, contract, await milestonesOf(ctx.db, contract.id), {
    milestoneId: input.milestoneId,
    by: side === 'operator' ? 'system' : side,
    at: ctx.clock.now(),
  });
  const chargeId = await chargeShortfall(ctx, {
    clientId: contract.clientId,
    currency: contract.currency,
    neededCents: preview.escrowCents + preview.feeCents,
    billingMethodId: input.billingMethodId,
    chargeKey: `milestone-fund:${input.milestoneId}:${input.requestKey}`,
    refs: { contractId: contract.id, milestoneId: input.milestoneId },
  });
  return ctx.tx(async (tx) => {
    const now = ctx.clock.now();
    const locked = await lockContractAs(tx, actor, input.contractId);
    const milestones = await lockMilestones(tx, contract.id);
    const plan = await planFunding(tx, locked.contract, milestones, {
      milestoneId: input.milestoneId,
      by: 'client',
      at: now,
    });
    const { target } = plan;
    let transferId: string | null = null;
    if (plan.escrowCents > 0) {
      const needed = plan.escrowCents + plan.feeCents;
      await reserveClientFunds(tx, { clientId: contract.clientId, currency: contract.currency, neededCents: needed });
      const postings: PostingInput[] = [
        { account: clientFundingAccount(contract.clientId, contract.currency), amountCents: -needed },
        { account: escrowAccount(contract.id, contract.currency), amountCents: plan.escrowCents },
      ];
      if (plan.feeCents > 0) {
        postings.push({
          account: platformAccount('platform_fee_revenue', contract.currency),
          amountCents: plan.feeCents,
        });
      }
      const transfer = await postTransfer(tx, {
        idempotencyKey: `milestone:fund:${target.id}`,
        reason: 'escrow.fund',
        refs: {
          contractId: contract.id,
          milestoneId: target.id,
          userId: contract.clientId,
          ...(chargeId ? { chargeId } : {}),
          extra: {
            feeScheduleVersion: plan.feeScheduleVersion,
            description: `Milestone ${target.position}: ${target.title}`,
          },
        },
        memo: `Escrow for milestone ${target.position}: ${target.title}`.slice(0, 500),
        at: now,
        postings,
      });
      transferId = transfer.id;
    }
    const carried = await carryLeftovers(tx, {
      milestones: plan.milestones,
      target,
      wantedCents: plan.carryCents,
      at: now,
    });
    const funded = await saveMilestone(
      tx,
      target.id,
      {
        state: 'funded',
        fundedCents: target.fundedCents + carried + plan.escrowCents,
        clientFeeCents: target.clientFeeCents + plan.feeCents,
        fundedAt: now,
      },
      now,
    );
    const from = carried > 0 ? ` (${money(carried, contract.currency)} of it left over from an earlier milestone)` : '';
    await announce(tx, ctx.clock, contract, {
      kind: 'milestone.funded',
      actorId: actor.userId,
      summary: `Milestone ${target.position} funded: ${target.title}, ${money(funded.fundedCents, contract.currency)} in escrow${from}`,
      data: {
        milestoneId: target.id,
        amountCents: plan.escrowCents,
        carriedCents: carried,
        clientFeeCents: plan.feeCents,
        currency: contract.currency,
        transferId,
        chargeId,
      },
      notify: [
        {
          userId: contract.freelancerId,
          kind: 'milestone.funded',
          title: `Milestone funded: you can start work on “${target.title}”`,
          body: `${money(funded.fundedCents, contract.currency)} is held in escrow for ${contract.title}.`,
        },
      ],
    });
    return funded;
  });
}
