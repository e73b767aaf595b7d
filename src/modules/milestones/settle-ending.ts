import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import type { ContractRow } from '../contracts/index.ts';
import { contracts } from '../contracts/tables.ts';
import { refundEscrow } from '../ledger/movements.ts';
import { postTransfer } from '../ledger/post-transfer.ts';
import { setThreadReadOnly } from '../messages/index.ts';
import { utcText } from '../payouts/index.ts';
import { inEscrowOf, lockMilestones } from './access.ts';
import { announce, contractThread, money } from './contract-events.ts';
import { saveMilestone } from './milestone-rows.ts';
import { contractEndings, milestoneSubmissions } from './tables.ts';
import { type ContractState, milestoneTransition, type Who } from './transitions.ts';

export type Ending = typeof contractEndings.$inferSelect;

/**
 * Refunds everything left in a contract's escrow to the client's Workroom funds (one transfer),
 * each milestone's part counted as refunded; milestones with work in progress become `refunded`,
 * approved ones keep their state (what they left over goes back). Returns the refund's transfer.
 * The client marketplace fee paid when funding is not given back with escrow (ours, as with every
 * escrow refund here: offers' full reversal before a contract exists is the one exception).
 */
export async function refundContractEscrow(
  tx: Tx,
  clock: Clock,
  input: { contract: ContractRow; by: Who; idempotencyKey: string; memo: string },
): Promise<{ transferId: string | null; refundedCents: number }> {
  const { contract } = input;
  const now = clock.now();
  const milestones = await lockMilestones(tx, contract.id);
  const total = milestones.reduce((sum, milestone) => sum + inEscrowOf(milestone), 0);
  if (total === 0) return { transferId: null, refundedCents: 0 };
  const transfer = await postTransfer(
    tx,
    refundEscrow({
      idempotencyKey: input.idempotencyKey,
      at: now,
      clientId: contract.clientId,
      contractId: contract.id,
      currency: contract.currency,
      amountCents: total,
      memo: input.memo.slice(0, 500),
      refs: {
        contractId: contract.id,
        userId: contract.clientId,
        extra: { description: `Escrow returned: ${contract.title}`.slice(0, 200) },
      },
    }),
  );
  for (const milestone of milestones) {
    const held = inEscrowOf(milestone);
    if (held === 0) continue;
    const state =
      milestone.state === 'approved' ? 'approved' : milestoneTransition(milestone.state, 'refund', input.by);
    await saveMilestone(tx, milestone.id, { state, refundedCents: milestone.refundedCents + held }, now);
  }
  return { transferId: transfer.id, refundedCents: total };
}

/**
 * Ends the contract in the caller's transaction (the contract locked, its state already checked
 * against the transition table): unreleased escrow back to the client, open submissions closed,
 * the thread read-only (the parties keep reading it), the record told.
 */
export async function settleEnding(
  tx: Tx,
  clock: Clock,
  input: { contract: ContractRow; to: ContractState; by: Who; actorId: string | null; outcome: 'refunded' | 'closed' },
): Promise<Ending> {
  const { contract } = input;
  const now = clock.now();
  const refund = await refundContractEscrow(tx, clock, {
    contract,
    by: input.by,
    idempotencyKey: `contract:end-refund:${contract.id}`,
    memo: `Contract "${contract.title}" ended: escrow returned`,
  });
  await tx
    .update(milestoneSubmissions)
    .set({ outcome: 'closed', respondedAt: now })
    .where(and(eq(milestoneSubmissions.contractId, contract.id), eq(milestoneSubmissions.outcome, 'pending')));
  await tx
    .update(contracts)
    .set({ state: input.to, endedAt: now, updatedAt: now })
    .where(eq(contracts.id, contract.id));
  const [ending] = await tx
    .update(contractEndings)
    .set({ state: input.outcome, refundTransferId: refund.transferId, refundedCents: refund.refundedCents })
    .where(eq(contractEndings.contractId, contract.id))
    .returning();
  if (!ending) throw new Error(`contract ${contract.id} ends without an end request`);
  const thread = await contractThread(tx, clock, contract);
  await setThreadReadOnly(tx, thread.id, `The contract ended on ${utcText(now)}.`);
  if (refund.refundedCents > 0) {
    await announce(tx, clock, contract, {
      kind: 'refund.issued',
      actorId: input.actorId,
      summary: `${money(refund.refundedCents, contract.currency)} of unreleased escrow returned to the client${input.actorId ? ' with the freelancer’s agreement' : ' (the freelancer did not answer within 7 days)'}`,
      data: { transferId: refund.transferId, amountCents: refund.refundedCents, currency: contract.currency },
      notify: [
        {
          userId: contract.clientId,
          kind: 'contract.escrow_refunded',
          title: `${money(refund.refundedCents, contract.currency)} returned to your Workroom funds`,
          body: `The unreleased escrow of “${contract.title}”.`,
        },
      ],
    });
  }
  await announce(tx, clock, contract, {
    kind: 'contract.ended',
    actorId: input.actorId,
    summary: `Contract ended: ${contract.title}`,
    data: { refundedCents: refund.refundedCents, currency: contract.currency, requestedBy: ending.requestedBy },
    notify: [contract.clientId, contract.freelancerId].map((userId) => ({
      userId,
      kind: 'contract.ended',
      title: `Contract ended: ${contract.title}`,
      body: 'You can still read its Workroom, messages and record.',
    })),
  });
  return ending;
}
