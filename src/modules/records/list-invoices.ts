import { invalidField } from '../../platform/errors.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { listAccountPostings } from '../ledger/account-postings.ts';
import { invoiceNumber } from './invoice-document.ts';
import { statementAccountsFor } from './statement.ts';
import { DOCUMENT_REASONS } from './transaction-types.ts';

export interface InvoiceSummary {
  transferId: string;
  number: string;
  kind: 'receipt' | 'invoice';
  description: string;
  issuedAt: Date;
  /** The total charged (receipt) or billed (invoice), fees included. */
  amountCents: number;
  /** What reached the user's balance: the funds added, or the earning after the service fee. */
  creditedCents: number;
  currency: string;
  pdfUrl: string;
}

/**
 * The signed-in user's documents, newest first: receipts for their charges (clients) and invoices
 * for their earnings (freelancers). Paged by posting id, like the history.
 */
export async function listInvoices(
  ctx: Ctx,
  query: { limit: number; cursor?: string },
): Promise<{ items: InvoiceSummary[]; nextCursor: string | null }> {
  const actor = requireActor(ctx);
  const accounts = (await statementAccountsFor(ctx.db, actor)).filter(
    (account) => account.kind !== 'freelancer_available',
  );
  if (accounts.length === 0) return { items: [], nextCursor: null };
  let before: number | null = null;
  if (query.cursor) {
    before = Number(query.cursor);
    if (!Number.isSafeInteger(before)) throw invalidField('cursor', 'This cursor is not valid.');
  }
  const postings = await listAccountPostings(ctx.db, {
    accountIds: accounts.map((account) => account.id),
    feeOwnerAccountIds: [],
    beforePostingId: before ?? undefined,
    reasons: DOCUMENT_REASONS,
    creditsOnly: true,
    withTransferTotal: true,
    limit: query.limit + 1,
  });
  const rows = postings.slice(0, query.limit);
  const items = rows.map((posting): InvoiceSummary => {
    const receipt = posting.reason === 'payment.charge';
    const description = posting.extra.description;
    return {
      transferId: posting.transferId,
      number: invoiceNumber({ id: posting.transferId, createdAt: posting.createdAt }),
      kind: receipt ? 'receipt' : 'invoice',
      description: receipt
        ? 'Funds added by payment'
        : typeof description === 'string'
          ? description
          : (posting.memo ?? 'Earning'),
      issuedAt: posting.createdAt,
      amountCents: posting.transferTotalCents ?? posting.amountCents,
      creditedCents: posting.amountCents,
      currency: posting.currency,
      pdfUrl: `/api/records/${posting.transferId}/invoice.pdf`,
    };
  });
  const last = rows.at(-1);
  return { items, nextCursor: postings.length > query.limit && last ? String(last.postingId) : null };
}
