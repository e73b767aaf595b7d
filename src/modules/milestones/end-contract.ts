import { eq } from 'drizzle-orm';
import { invalidField } from '../../platform/errors.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import type { ContractRow } from '../contracts/index.ts';
import { contracts } from '../contracts/tables.ts';
import { utcText } from '../payouts/index.ts';
import { inEscrowOf, lockContractAs, lockMilestones } from './access.ts';
import { announce, money, otherParty } from './contract-events.ts';
import { END_RESPONSE_WINDOW_MS, lifecycleLimits } from './limits.ts';
import { type Ending, settleEnding } from './settle-ending.ts';
import { contractEndings } from './tables.ts';
import { contractTransition } from './transitions.ts';

export interface EndResult {
  contract: ContractRow;
  ending: Ending;
}

/**
 * POST /api/contracts/:id/end: either party ends the contract. With nothing in escrow it ends at
 * once. Otherwise the freelancer decides within 7 days whether the unreleased escrow goes back to
 * the client (yes, or silence: refunded and ended) or not (the escrow stays for a dispute).
 * Milestones freeze as soon as the end is asked for.
 */
export async function endContract(ctx: Ctx, input: { contractId: string; reason: string }): Promise<EndResult> {
  const actor = requireActor(ctx);
  const reason = input.reason.trim();
  if (reason.length === 0) throw invalidField('reason', 'Say why the contract ends.');
  if (reason.length > lifecycleLimits.reasonMax) {
    throw invalidField('reason', `Use at most ${lifecycleLimits.reasonMax} characters.`);
  }
  return ctx.tx(async (tx) => {
    const { contract, side } = await lockContractAs(tx, actor, input.contractId);
    const to = contractTransition(contract.state, 'end', side);
    const now = ctx.clock.now();
    const escrowCents = (await lockMilestones(tx, contract.id)).reduce((sum, m) => sum + inEscrowOf(m), 0);
    const respondBy = new Date(now.getTime() + END_RESPONSE_WINDOW_MS);
    const [requested] = await tx
      .insert(contractEndings)
      .values({
        contractId: contract.id,
        requestedBy: actor.userId,
        reason,
        requestedAt: now,
        respondBy,
        escrowCents,
        state: 'awaiting_freelancer',
      })
      .returning();
    const [ending] = await tx
      .update(contracts)
      .set({ state: to, updatedAt: now })
      .where(eq(contracts.id, contract.id))
      .returning();
    if (!requested || !ending) throw new Error('end request not saved');
    const held = money(escrowCents, contract.currency);
    await announce(tx, ctx.clock, contract, {
      kind: 'contract.end_requested',
      actorId: actor.userId,
      summary: `The ${side} ended the contract: ${reason}`,
      message:
        escrowCents > 0
          ? `The ${side} ended the contract. ${held} is still in escrow: the freelancer decides by ${utcText(respondBy)} whether it goes back to the client (no answer: it does).`
          : `The ${side} ended the contract.`,
      data: { reason, escrowCents, currency: contract.currency, respondBy: respondBy.toISOString() },
      notify: [
        {
          userId: otherParty(contract, actor.userId),
          kind: 'contract.end_requested',
          title: `The ${side} ended the contract: ${contract.title}`,
          body: reason.slice(0, 500),
        },
        ...(escrowCents > 0
          ? [
              {
                userId: contract.freelancerId,
                kind: 'contract.refund_decision',
                title: `Decide by ${utcText(respondBy)}: return ${held} of escrow to the client?`,
                body: 'Agree to refund it, or refuse and take it to a dispute. Without an answer it is refunded.',
              },
            ]
          : []),
      ],
    });
    if (escrowCents > 0) return { contract: ending, ending: requested };
    const closed = contractTransition(to, 'close', 'system');
    const settled = await settleEnding(tx, ctx.clock, {
      contract: ending,
      to: closed,
      by: 'system',
      actorId: actor.userId,
      outcome: 'closed',
    });
    return { contract: { ...ending, state: closed, endedAt: now }, ending: settled };
  });
}
