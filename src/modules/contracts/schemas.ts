import { z } from 'zod';
import { MILESTONE_STATES } from './tables.ts';

export const ContractParams = z.object({ id: z.uuid() });
export const ContractListQuery = z.object({
  role: z.enum(['client', 'freelancer']).optional().describe('Only contracts where you are this party'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const ContractTermsResponse = z
  .object({
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    title: z.string(),
    description: z.string(),
    deliverables: z.array(z.object({ title: z.string(), acceptanceCriteria: z.string() })),
    type: z.enum(['hourly', 'fixed']),
    currency: z.string(),
    startDate: z.string(),
    hourly: z
      .object({ rateCents: z.number().int(), weeklyLimitHours: z.number().int(), manualTimeAllowed: z.boolean() })
      .nullable(),
    fixed: z
      .object({
        totalCents: z.number().int(),
        milestones: z.array(
          z.object({
            id: z.uuid(),
            title: z.string(),
            description: z.string(),
            amountCents: z.number().int(),
            dueDate: z.string(),
            acceptanceCriteria: z.string(),
          }),
        ),
      })
      .nullable(),
    feeScheduleVersion: z.number().int(),
  })
  .meta({ id: 'ContractTerms' });

export const ContractMilestoneResponse = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    title: z.string(),
    description: z.string(),
    amountCents: z.number().int(),
    currency: z.string(),
    dueDate: z.string().nullable(),
    acceptanceCriteria: z.string(),
    state: z.enum(MILESTONE_STATES),
    fundedCents: z.number().int(),
    releasedCents: z.number().int(),
    refundedCents: z.number().int(),
    inEscrowCents: z.number().int().describe('funded - released - refunded'),
    fundedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ContractMilestone' });

const Party = z.object({ userId: z.uuid(), name: z.string() });

export const ContractResponse = z
  .object({
    id: z.uuid(),
    title: z.string(),
    type: z.enum(['hourly', 'fixed']),
    state: z.string(),
    currency: z.string(),
    client: Party,
    freelancer: Party,
    offerId: z.uuid(),
    jobId: z.uuid().nullable(),
    proposalId: z.uuid().nullable(),
    startDate: z.string(),
    terms: ContractTermsResponse.describe('The terms version in force'),
    milestones: z.array(ContractMilestoneResponse),
    escrowBalanceCents: z.number().int().describe("The contract's escrow balance in the ledger"),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Contract' });

export const ContractListResponse = z
  .object({ items: z.array(ContractResponse), nextCursor: z.string().nullable() })
  .meta({ id: 'ContractList' });
