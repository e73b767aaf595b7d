import { z } from 'zod';
import { TRANSACTION_TYPES } from './transaction-types.ts';

const Cents = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
const Day = z.string().max(40).describe('A UTC day such as 2026-01-31 (inclusive), or an ISO instant');

export const TransactionQuery = z.object({
  account: z.enum(['funding', 'pending', 'available']).optional().describe('Only this account (default: all of yours)'),
  type: z.enum(TRANSACTION_TYPES).optional(),
  from: Day.optional(),
  to: Day.optional(),
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  format: z.enum(['json', 'csv']).default('json').describe('csv: the whole filtered history as a download'),
});

export const StatementAccountResponse = z
  .object({
    name: z.enum(['funding', 'pending', 'available']),
    currency: z.string(),
    balanceCents: Cents,
  })
  .meta({ id: 'StatementAccount' });

export const TransactionLineResponse = z
  .object({
    id: z.string(),
    transferId: z.uuid(),
    date: z.iso.datetime(),
    type: z.enum(TRANSACTION_TYPES),
    description: z.string(),
    account: z.enum(['funding', 'pending', 'available']),
    amountCents: Cents,
    currency: z.string(),
    balanceCents: Cents.describe('The account’s balance after this row'),
    status: z.string().nullable(),
    documentUrl: z.string().nullable().describe('The receipt or invoice PDF, when there is one'),
  })
  .meta({ id: 'TransactionLine' });

export const TransactionPageResponse = z
  .object({
    accounts: z.array(StatementAccountResponse),
    items: z.array(TransactionLineResponse),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'TransactionPage' });

export const TransactionsResponse = {
  description: 'A page of your history (JSON), or all of it as CSV with format=csv',
  content: {
    'application/json': { schema: TransactionPageResponse },
    'text/csv': { schema: z.string() },
  },
};

export const InvoiceParams = z.object({ transferId: z.uuid() });

export const InvoicePdf = {
  description: 'The receipt (charge) or invoice (earning) as a PDF; only for the parties',
  content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } },
};

export const InvoiceListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(40).optional(),
});

export const InvoiceListResponse = z
  .object({
    items: z.array(
      z.object({
        transferId: z.uuid(),
        number: z.string(),
        kind: z.enum(['receipt', 'invoice']),
        description: z.string(),
        issuedAt: z.iso.datetime(),
        amountCents: Cents,
        creditedCents: Cents,
        currency: z.string(),
        pdfUrl: z.string(),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'InvoiceList' });

export const SpendingSummaryResponse = z
  .object({
    currency: z.string(),
    balanceCents: Cents,
    paidInCents: Cents,
    feesCents: Cents,
    spentCents: Cents,
    refundedCents: Cents,
    months: z.array(z.object({ month: z.string(), paidInCents: Cents, spentCents: Cents })),
  })
  .meta({ id: 'SpendingSummary' });
