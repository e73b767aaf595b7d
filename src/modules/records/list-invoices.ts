import { sql } from 'drizzle-orm';
import { invalidField } from '../../platform/errors.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { invoiceNumber } from './invoice-document.ts';
import { statementAccountsFor } from './statement.ts';

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

interface Row extends Record<string, unknown> {
  posting_id: number;
  transfer_id: string;
  reason: string;
  created_at: Date;
  amount_cents: number;
  total_cents: number;
  currency: string;
  memo: string | null;
  extra: Record<string, unknown> | null;
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
  const ids = sql.join(
    accounts.map((account) => sql`${account.id}`),
    sql`, `,
  );
  // Reads the ledger's tables (read only), as the history does.
  const result = await ctx.db.execute<Row>(sql`
    select p.id as posting_id, t.id as transfer_id, t.reason, t.created_at, p.amount_cents, p.currency, t.memo, t.extra,
           (select -sum(o.amount_cents) from ledger_postings o where o.transfer_id = t.id and o.amount_cents < 0) as total_cents
      from ledger_postings p join ledger_transfers t on t.id = p.transfer_id
     where p.account_id in (${ids}) and p.amount_cents > 0
       and t.reason in ('payment.charge', 'escrow.release')
       ${before === null ? sql`` : sql`and p.id < ${before}`}
     order by p.id desc
     limit ${query.limit + 1}`);
  const rows = result.rows.slice(0, query.limit);
  const items = rows.map((row): InvoiceSummary => {
    const extra = row.extra ?? {};
    const createdAt = new Date(row.created_at);
    const receipt = row.reason === 'payment.charge';
    return {
      transferId: row.transfer_id,
      number: invoiceNumber({ id: row.transfer_id, createdAt }),
      kind: receipt ? 'receipt' : 'invoice',
      description: receipt
        ? 'Funds added by payment'
        : typeof extra.description === 'string'
          ? extra.description
          : (row.memo ?? 'Earning'),
      issuedAt: createdAt,
      amountCents: Number(row.total_cents),
      creditedCents: Number(row.amount_cents),
      currency: row.currency,
      pdfUrl: `/api/records/${row.transfer_id}/invoice.pdf`,
    };
  });
  const last = rows.at(-1);
  return { items, nextCursor: result.rows.length > query.limit && last ? String(last.posting_id) : null };
}
