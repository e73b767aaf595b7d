import type { StatementAccount, StatementPosting } from './statement.ts';
import {
  DOCUMENT_REASONS,
  type StatementAccountName,
  type TransactionType,
  typeOfReason,
} from './transaction-types.ts';

/** One row of a transaction history. A posting that carried a fee becomes two rows: the movement and the fee. */
export interface TransactionLine {
  id: string;
  transferId: string;
  postingId: number;
  date: Date;
  type: TransactionType;
  description: string;
  account: StatementAccountName;
  amountCents: number;
  currency: string;
  /** The account's balance after this row. */
  balanceCents: number;
  /** For withdrawals: in_flight, completed or failed. */
  status: string | null;
  /** A receipt (charge) or invoice (earning) PDF. */
  documentUrl: string | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);

function describe(posting: StatementPosting, account: StatementAccountName): { main: string; fee: string } {
  const extra = posting.extra;
  const about = text(extra.description) ?? text(posting.memo);
  switch (posting.reason) {
    case 'payment.charge':
      return {
        main: extra.purpose === 'add_funds' || !extra.purpose ? 'Funds added by payment' : 'Payment for escrow',
        fee: 'Marketplace fee',
      };
    case 'escrow.fund':
      return { main: about ? `Escrow funded: ${about}` : 'Escrow funded', fee: 'Marketplace fee' };
    case 'escrow.release':
      return { main: about ? `Earning: ${about}` : 'Earning', fee: 'Service fee' };
    case 'escrow.refund':
      return { main: about ? `Refund from escrow: ${about}` : 'Refund from escrow', fee: 'Fee refunded' };
    case 'earnings.clear':
      return {
        main:
          account === 'pending'
            ? `Moved to available: ${about ?? 'earning'}`
            : `Security period ended: ${text(extra.description) ?? 'earning'}`,
        fee: 'Fee',
      };
    case 'payout.start':
      return { main: `Withdrawal to ${text(extra.methodLabel) ?? 'your payout method'}`, fee: 'Withdrawal fee' };
    case 'payout.fail':
      return {
        main: `Withdrawal returned: ${text(extra.methodLabel) ?? 'payout failed'}`,
        fee: 'Withdrawal fee refunded',
      };
    default:
      return { main: about ?? posting.reason, fee: 'Fee' };
  }
}

/**
 * Turns postings (newest first) into history rows (newest first). A posting whose transfer paid a
 * fee is split: the movement itself (amount + fee) and then the fee (-fee), so the fee shows as its
 * own row and both running balances add up: the fee row ends at the posting's balance.
 */
export function toLines(
  postings: StatementPosting[],
  accounts: Map<string, StatementAccount>,
  statuses: Map<string, string>,
): TransactionLine[] {
  const lines: TransactionLine[] = [];
  for (const posting of postings) {
    const account = accounts.get(posting.accountId)?.name ?? 'available';
    const words = describe(posting, account);
    const base = {
      transferId: posting.transferId,
      postingId: posting.postingId,
      date: posting.createdAt,
      account,
      currency: posting.currency,
      status: posting.withdrawalId ? (statuses.get(posting.withdrawalId) ?? null) : null,
      documentUrl: DOCUMENT_REASONS.includes(posting.reason) ? `/api/records/${posting.transferId}/invoice.pdf` : null,
    };
    if (posting.feeCents !== 0) {
      lines.push({
        ...base,
        id: `${posting.postingId}-fee`,
        type: 'fee',
        description: words.fee,
        amountCents: -posting.feeCents,
        balanceCents: posting.balanceAfterCents,
        // The document belongs to the movement's row, not to its fee's.
        documentUrl: null,
      });
    }
    lines.push({
      ...base,
      id: String(posting.postingId),
      type: typeOfReason(posting.reason),
      description: words.main,
      amountCents: posting.amountCents + posting.feeCents,
      balanceCents: posting.balanceAfterCents + posting.feeCents,
    });
  }
  return lines;
}
