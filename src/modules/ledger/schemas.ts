import { z } from 'zod';
import { accountKinds } from './accounts.ts';

const kindNames = Object.keys(accountKinds) as [keyof typeof accountKinds, ...(keyof typeof accountKinds)[]];

export const LedgerBalanceResponse = z
  .object({
    accountId: z.uuid(),
    kind: z.enum(kindNames),
    currency: z.string().describe('ISO 4217 code, or CONNECTS'),
    balanceCents: z.number().int().describe('Integer cents (or whole Connects)'),
    guarded: z.boolean().describe('Never negative: money here cannot be overdrawn'),
  })
  .meta({ id: 'LedgerBalance' });

export const LedgerBalancesResponse = z
  .object({ accounts: z.array(LedgerBalanceResponse) })
  .meta({ id: 'LedgerBalances' });

export const LedgerPostingResponse = z
  .object({
    accountId: z.uuid(),
    ownerKind: z.string(),
    ownerId: z.uuid(),
    kind: z.string(),
    currency: z.string(),
    amountCents: z.number().int().describe('Signed: positive adds to the account'),
  })
  .meta({ id: 'LedgerPosting' });

export const LedgerTransferResponse = z
  .object({
    id: z.uuid(),
    idempotencyKey: z.string(),
    reason: z.string(),
    refs: z.object({
      contractId: z.uuid().optional(),
      milestoneId: z.uuid().optional(),
      timesheetId: z.uuid().optional(),
      withdrawalId: z.uuid().optional(),
      disputeId: z.uuid().optional(),
      chargeId: z.uuid().optional(),
      userId: z.uuid().optional(),
      extra: z.record(z.string(), z.unknown()).optional(),
    }),
    memo: z.string().nullable(),
    reversesTransferId: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    postings: z.array(LedgerPostingResponse),
  })
  .meta({ id: 'LedgerTransfer' });

export const LedgerTransferListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional().describe('nextCursor from the previous page'),
  reason: z.string().max(61).optional(),
  contractId: z.uuid().optional(),
  accountId: z.uuid().optional().describe('Only transfers with a posting to this account'),
});

export const LedgerTransferListResponse = z
  .object({ items: z.array(LedgerTransferResponse), nextCursor: z.string().nullable() })
  .meta({ id: 'LedgerTransferList' });

export const LedgerTransferParams = z.object({ transferId: z.uuid() });

export const ReverseTransferRequest = z
  .object({ memo: z.string().trim().min(1).max(500).optional().describe('Why it is reversed') })
  .meta({ id: 'ReverseTransferRequest' });
