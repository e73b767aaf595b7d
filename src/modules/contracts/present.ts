import type { z } from 'zod';
import type { ContractView } from './contract-view.ts';
import type { MilestoneRow } from './create-contract.ts';
import type { ContractMilestoneResponse, ContractResponse } from './schemas.ts';

export function presentMilestone(row: MilestoneRow): z.infer<typeof ContractMilestoneResponse> {
  return {
    id: row.id,
    position: row.position,
    title: row.title,
    description: row.description,
    amountCents: row.amountCents,
    currency: row.currency,
    dueDate: row.dueDate,
    acceptanceCriteria: row.acceptanceCriteria,
    state: row.state,
    fundedCents: row.fundedCents,
    releasedCents: row.releasedCents,
    refundedCents: row.refundedCents,
    inEscrowCents: row.fundedCents - row.releasedCents - row.refundedCents,
    fundedAt: row.fundedAt?.toISOString() ?? null,
  };
}

export function presentContract(view: ContractView): z.infer<typeof ContractResponse> {
  const { row } = view;
  return {
    id: row.id,
    title: row.title,
    type: row.type as 'hourly' | 'fixed',
    state: row.state,
    currency: row.currency,
    client: view.client,
    freelancer: view.freelancer,
    offerId: row.offerId,
    jobId: row.jobId,
    proposalId: row.proposalId,
    startDate: row.startDate,
    terms: { version: view.terms.version, createdAt: view.terms.createdAt.toISOString(), ...view.terms.terms },
    milestones: view.milestones.map(presentMilestone),
    escrowBalanceCents: view.escrowBalanceCents,
    createdAt: row.createdAt.toISOString(),
  };
}
