import { and, asc, eq, lte } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import { MINUTE } from '../../platform/clock.ts';
import { invalidField } from '../../platform/errors.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import type { ScheduledTask } from '../../server/module.ts';
import type { ContractRow } from '../contracts/index.ts';
import { contracts } from '../contracts/tables.ts';
import { inEscrowOf, lockContract, lockContractAs, lockMilestones } from './access.ts';
import { announce, money } from './contract-events.ts';
import type { EndResult } from './end-contract.ts';
import { lifecycleLimits } from './limits.ts';
import { type Ending, settleEnding } from './settle-ending.ts';
import { contractEndings } from './tables.ts';
import { contractTransition } from './transitions.ts';

async function endingOf(tx: Tx, contractId: string): Promise<Ending> {
  const [row] = await tx.select().from(contractEndings).where(eq(contractEndings.contractId, contractId)).for('update');
  if (!row) throw new Error(`ending contract ${contractId} has no end request`);
  return row;
}

async function refuseRefund(tx: Tx, clock: Clock, contract: ContractRow, note: string): Promise<EndResult> {
  const to = contractTransition(contract.state, 'dispute_refund', 'freelancer');
  const now = clock.now();
  const held = (await lockMilestones(tx, contract.id)).reduce((sum, m) => sum + inEscrowOf(m), 0);
  const [ending] = await tx
    .update(contractEndings)
    .set({
      state: 'disputed',
      agreedToRefund: false,
      respondedBy: contract.freelancerId,
      respondedAt: now,
      responseNote: note || null,
    })
    .where(eq(contractEndings.contractId, contract.id))
    .returning();
  const [updated] = await tx
    .update(contracts)
    .set({ state: to, updatedAt: now })
    .where(eq(contracts.id, contract.id))
    .returning();
  if (!ending || !updated) throw new Error('dispute not saved');
  await announce(tx, clock, contract, {
    kind: 'dispute.opened',
    actorId: contract.freelancerId,
    summary: `The freelancer refused to return the ${money(held, contract.currency)} in escrow; it stays in escrow for a dispute`,
    data: { escrowCents: held, currency: contract.currency, note },
    notify: [
      {
        userId: contract.clientId,
        kind: 'contract.refund_refused',
        title: `The freelancer disputes the refund of ${money(held, contract.currency)}`,
        body: note.slice(0, 500) || `The escrow of “${contract.title}” stays held until the dispute is settled.`,
      },
    ],
  });
  return { contract: updated, ending };
}

/**
 * POST /api/contracts/:id/end/respond: the freelancer answers an end with money in escrow: agree
 * (the escrow goes back to the client and the contract ends) or refuse (the contract waits in
 * `ending_disputed`, the escrow held for the disputes process).
 */
export async function respondToEnd(
  ctx: Ctx,
  input: { contractId: string; agreeToRefund: boolean; note?: string | undefined },
): Promise<EndResult> {
  const actor = requireActor(ctx);
  const note = (input.note ?? '').trim();
  if (note.length > lifecycleLimits.noteMax)
    throw invalidField('note', `Use at most ${lifecycleLimits.noteMax} characters.`);
  return ctx.tx(async (tx) => {
    const { contract, side } = await lockContractAs(tx, actor, input.contractId);
    if (!input.agreeToRefund) {
      contractTransition(contract.state, 'dispute_refund', side);
      await endingOf(tx, contract.id);
      return refuseRefund(tx, ctx.clock, contract, note);
    }
    const to = contractTransition(contract.state, 'agree_refund', side);
    const now = ctx.clock.now();
    await endingOf(tx, contract.id);
    await tx
      .update(contractEndings)
      .set({ agreedToRefund: true, respondedBy: actor.userId, respondedAt: now, responseNote: note || null })
      .where(eq(contractEndings.contractId, contract.id));
    const ending = await settleEnding(tx, ctx.clock, {
      contract,
      to,
      by: 'freelancer',
      actorId: actor.userId,
      outcome: 'refunded',
    });
    return { contract: { ...contract, state: to, endedAt: now }, ending };
  });
}

/**
 * Ends the contracts whose freelancer did not answer within 7 days: their escrow goes back to the
 * client. Idempotent: each runs under the contract lock and only from `ending`.
 */
export async function refundUnansweredEndings(ctx: Ctx): Promise<number> {
  const due = await ctx.db
    .select({ contractId: contractEndings.contractId })
    .from(contractEndings)
    .where(and(eq(contractEndings.state, 'awaiting_freelancer'), lte(contractEndings.respondBy, ctx.clock.now())))
    .orderBy(asc(contractEndings.respondBy))
    .limit(200);
  let ended = 0;
  for (const { contractId } of due) {
    const done = await ctx.tx(async (tx) => {
      const contract = await lockContract(tx, contractId);
      const ending = await endingOf(tx, contractId);
      if (contract.state !== 'ending' || ending.state !== 'awaiting_freelancer') return false;
      if (ending.respondBy > ctx.clock.now()) return false;
      const to = contractTransition(contract.state, 'refund_unanswered', 'system');
      await settleEnding(tx, ctx.clock, { contract, to, by: 'system', actorId: null, outcome: 'refunded' });
      return true;
    });
    if (done) ended++;
  }
  return ended;
}

export const refundUnansweredEndingsTask: ScheduledTask = {
  name: 'contracts.refund-unanswered-endings',
  everyMs: 10 * MINUTE,
  run: async (ctx) => ({ processed: await refundUnansweredEndings(ctx) }),
};
