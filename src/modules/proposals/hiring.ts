import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Tx } from '../../db/transaction.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { changeProposalState } from './change-state.ts';
import type { ProposalState } from './limits.ts';
import type { ProposalRow } from './proposal-view.ts';
import { proposals } from './tables.ts';

export type { ProposalRow } from './proposal-view.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FINAL: ProposalState[] = ['declined', 'withdrawn', 'hired'];

/**
 * A proposal to one of `clientId`'s jobs, locked, that an offer can be made from: not declined,
 * withdrawn or hired, and without another offer pending. Unknown or other clients' proposals are
 * refused naming `field` (400), as the client named it in their offer.
 */
export async function lockProposalForOffer(
  tx: Tx,
  input: { proposalId: string; clientId: string; field?: string },
): Promise<ProposalRow> {
  const field = input.field ?? 'proposalId';
  if (!UUID.test(input.proposalId)) throw invalidField(field, 'There is no such proposal to your jobs.');
  const [row] = await tx
    .select()
    .from(proposals)
    .where(and(eq(proposals.id, input.proposalId), eq(proposals.clientId, input.clientId)))
    .for('update');
  if (!row) throw invalidField(field, 'There is no such proposal to your jobs.');
  if (FINAL.includes(row.state as ProposalState)) {
    throw new AppError('invalid_state', {
      userMessage: `This proposal is ${row.state}; an offer cannot be made from it.`,
      fields: [{ field, message: `The proposal is ${row.state}.` }],
    });
  }
  if (row.pendingOfferId) {
    throw new AppError('invalid_state', {
      userMessage: 'An offer on this proposal is already waiting for an answer.',
      fields: [{ field, message: 'An offer is pending.' }],
      details: { offerId: row.pendingOfferId },
    });
  }
  return row;
}

/** The proposal a freelancer sent for a job, if any (a direct offer for that job links to it). */
export async function findProposalFor(
  executor: Executor,
  input: { jobId: string; freelancerId: string },
): Promise<ProposalRow | null> {
  const [row] = await executor
    .select()
    .from(proposals)
    .where(and(eq(proposals.jobId, input.jobId), eq(proposals.freelancerId, input.freelancerId)));
  return row ?? null;
}

/** Records (or clears, with null) the offer awaiting an answer on a proposal. */
export async function setPendingOffer(tx: Tx, proposalId: string, offerId: string | null): Promise<void> {
  await tx.update(proposals).set({ pendingOfferId: offerId }).where(eq(proposals.id, proposalId));
}

/** The offer made from this proposal was accepted: the proposal is hired (the job's counters follow). */
export async function markProposalHired(tx: Tx, now: Date, proposalId: string): Promise<ProposalRow> {
  const [row] = await tx.select().from(proposals).where(eq(proposals.id, proposalId)).for('update');
  if (!row) throw new Error(`proposal ${proposalId} not found`);
  const hired = await changeProposalState(tx, now, { ...row, pendingOfferId: null }, { action: 'hire', by: 'system' });
  await setPendingOffer(tx, proposalId, null);
  return { ...hired, pendingOfferId: null };
}
