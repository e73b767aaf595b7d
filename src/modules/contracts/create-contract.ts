import type { Tx } from '../../db/transaction.ts';
import { type ContractTerms, contractMilestones, contracts, contractTermsVersions } from './tables.ts';

export type ContractRow = typeof contracts.$inferSelect;
export type MilestoneRow = typeof contractMilestones.$inferSelect;

export interface NewContract {
  /** Allocated by the offer: its escrow account already holds what was funded. */
  id: string;
  offerId: string;
  clientId: string;
  freelancerId: string;
  jobId: string | null;
  proposalId: string | null;
  terms: ContractTerms;
  /** Per milestone id: what sits in escrow for it and the client fee paid with it. */
  funding: Map<string, { fundedCents: number; clientFeeCents: number; fundedAt: Date }>;
  /** The freelancer who accepted the terms. */
  acceptedBy: string;
  at: Date;
}

/**
 * Creates an active contract with its terms as version 1 and, for a fixed-price contract, its
 * milestones (funded ones in state `funded`), in the caller's transaction. Creating the same
 * contract again (an accept retried or raced) is refused by the primary key, so exactly one exists.
 */
export async function createContract(tx: Tx, input: NewContract): Promise<ContractRow> {
  const { terms } = input;
  const [contract] = await tx
    .insert(contracts)
    .values({
      id: input.id,
      offerId: input.offerId,
      clientId: input.clientId,
      freelancerId: input.freelancerId,
      jobId: input.jobId,
      proposalId: input.proposalId,
      title: terms.title,
      type: terms.type,
      currency: terms.currency,
      state: 'active',
      termsVersion: 1,
      startDate: terms.startDate,
      createdAt: input.at,
      updatedAt: input.at,
    })
    .returning();
  if (!contract) throw new Error('contract insert returned no row');
  await tx.insert(contractTermsVersions).values({
    contractId: contract.id,
    version: 1,
    terms,
    proposedBy: input.clientId,
    acceptedBy: input.acceptedBy,
    note: 'The accepted offer',
    createdAt: input.at,
  });
  const milestones = terms.fixed?.milestones ?? [];
  if (milestones.length > 0) {
    await tx.insert(contractMilestones).values(
      milestones.map((milestone, index) => {
        const funding = input.funding.get(milestone.id);
        return {
          id: milestone.id,
          contractId: contract.id,
          position: index + 1,
          title: milestone.title,
          description: milestone.description,
          amountCents: milestone.amountCents,
          currency: terms.currency,
          dueDate: milestone.dueDate,
          acceptanceCriteria: milestone.acceptanceCriteria,
          state: funding ? ('funded' as const) : ('not_funded' as const),
          fundedCents: funding?.fundedCents ?? 0,
          clientFeeCents: funding?.clientFeeCents ?? 0,
          termsVersion: 1,
          fundedAt: funding?.fundedAt ?? null,
          createdAt: input.at,
          updatedAt: input.at,
        };
      }),
    );
  }
  return contract;
}
