/**
 * What a user calls each kind of money movement, keyed by the ledger's reason codes. A transfer
 * whose reason is not listed here is shown as an "adjustment" with its memo.
 */
export const TRANSACTION_TYPES = [
  'charge',
  'escrow',
  'earning',
  'clearance',
  'fee',
  'refund',
  'withdrawal',
  'adjustment',
] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

export const reasonsByType: Record<Exclude<TransactionType, 'fee' | 'adjustment'>, string[]> = {
  charge: ['payment.charge'],
  escrow: ['escrow.fund'],
  earning: ['escrow.release'],
  clearance: ['earnings.clear'],
  refund: ['escrow.refund', 'payment.refund'],
  withdrawal: ['payout.start', 'payout.fail', 'payout.complete'],
};

export const KNOWN_REASONS = Object.values(reasonsByType).flat();

export function typeOfReason(reason: string): TransactionType {
  for (const [type, reasons] of Object.entries(reasonsByType)) {
    if (reasons.includes(reason)) return type as TransactionType;
  }
  return 'adjustment';
}

/** Accounts that appear in a user's history, and what the user calls them. */
export const statementAccountNames = {
  client_funding: 'funding',
  freelancer_pending: 'pending',
  freelancer_available: 'available',
} as const;
export type StatementAccountKind = keyof typeof statementAccountNames;
export type StatementAccountName = (typeof statementAccountNames)[StatementAccountKind];

/** Transfers that have a PDF document: a receipt for a charge, an invoice for an earning. */
export const DOCUMENT_REASONS = ['payment.charge', 'escrow.release'];
