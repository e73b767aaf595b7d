import { notFound } from '../../platform/errors.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { getPublicUsers } from '../accounts/public-users.ts';
import { getTransfer, type Transfer } from '../ledger/transfers.ts';
import { earningByCreditTransfer, utcText } from '../payouts/index.ts';
import { statementAccountsFor } from './statement.ts';

export interface InvoiceParty {
  name: string;
  lines: string[];
}

/** Everything a receipt or invoice shows, independent of how it is drawn. */
export interface InvoiceDocument {
  kind: 'receipt' | 'invoice';
  title: string;
  number: string;
  issuedAt: Date;
  currency: string;
  from: InvoiceParty;
  to: InvoiceParty;
  items: { description: string; amountCents: number }[];
  totals: { label: string; amountCents: number; strong?: boolean }[];
  notes: string[];
  reference: string;
}

/** Stable and unique per transfer: the day it was made and the transfer id's first 8 hex digits. */
export function invoiceNumber(transfer: Pick<Transfer, 'id' | 'createdAt'>): string {
  const day = transfer.createdAt.toISOString().slice(0, 10).replaceAll('-', '');
  return `WR-${day}-${transfer.id.slice(0, 8).toUpperCase()}`;
}

const PLATFORM: InvoiceParty = { name: 'Workroom', lines: ['Marketplace operator'] };

const sumTo = (transfer: Transfer, accountIds: Set<string>) =>
  transfer.postings.filter((posting) => accountIds.has(posting.accountId)).reduce((sum, p) => sum + p.amountCents, 0);

/**
 * The document for a transfer, as the signed-in user may see it: a receipt for a charge (to the
 * client who paid) or an invoice for an earning (to its freelancer, with the service fee, or to its
 * client, without it). Anyone else gets a 404, as does a transfer that has no document.
 */
export async function getInvoiceDocument(ctx: Ctx, transferId: string): Promise<InvoiceDocument> {
  const actor = requireActor(ctx);
  const transfer = await getTransfer(ctx.db, transferId);
  if (!transfer) throw notFound('The invoice');
  const own = new Set((await statementAccountsFor(ctx.db, actor)).map((account) => account.id));
  const mine = sumTo(transfer, own);
  const extra = transfer.refs.extra ?? {};
  const users = await getPublicUsers(
    ctx.db,
    [transfer.refs.userId, extra.clientId].filter((id): id is string => typeof id === 'string'),
  );
  const nameOf = (id: unknown) =>
    typeof id === 'string' ? (users.get(id)?.displayName ?? 'Workroom user') : 'Workroom user';
  const currency = transfer.postings[0]?.currency ?? 'USD';
  const base = { number: invoiceNumber(transfer), issuedAt: transfer.createdAt, currency, reference: transfer.id };

  if (transfer.reason === 'payment.charge' && mine > 0) {
    const feeCents = typeof extra.feeCents === 'number' ? extra.feeCents : chargeFee(transfer, mine);
    const notes = [
      `Paid through the payment gateway (charge ${String(extra.gatewayChargeId ?? transfer.refs.chargeId ?? '')}).`,
    ];
    if (typeof extra.feeScheduleVersion === 'number')
      notes.push(`Fees per Workroom fee schedule version ${extra.feeScheduleVersion}.`);
    return {
      ...base,
      kind: 'receipt',
      title: 'Receipt',
      from: PLATFORM,
      to: { name: nameOf(actor.userId), lines: [actor.email] },
      items: [
        {
          description:
            extra.purpose === 'add_funds' || !extra.purpose
              ? 'Funds added to your Workroom balance'
              : 'Payment for escrow',
          amountCents: mine,
        },
        ...(feeCents > 0 ? [{ description: 'Marketplace fee', amountCents: feeCents }] : []),
      ],
      totals: [{ label: 'Total charged', amountCents: mine + feeCents, strong: true }],
      notes,
    };
  }

  if (transfer.reason === 'escrow.release') {
    const gross = -transfer.postings
      .filter((posting) => posting.amountCents < 0)
      .reduce((sum, p) => sum + p.amountCents, 0);
    const description = typeof extra.description === 'string' ? extra.description : (transfer.memo ?? 'Work delivered');
    const freelancer = { name: nameOf(transfer.refs.userId), lines: ['Freelancer on Workroom'] };
    const client = { name: nameOf(extra.clientId), lines: ['Client on Workroom'] };
    const contractNote = transfer.refs.contractId ? [`Contract ${transfer.refs.contractId}.`] : [];
    if (mine > 0) {
      const earning = await earningByCreditTransfer(ctx.db, transfer.id);
      const notes = [...contractNote];
      if (earning)
        notes.push(`Available to withdraw from ${utcText(earning.availableAt)} (after the security period).`);
      return {
        ...base,
        kind: 'invoice',
        title: 'Invoice',
        from: freelancer,
        to: client,
        items: [
          { description, amountCents: gross },
          { description: 'Workroom service fee (deducted)', amountCents: -(gross - mine) },
        ],
        totals: [
          { label: 'Total billed to the client', amountCents: gross },
          { label: 'You receive', amountCents: mine, strong: true },
        ],
        notes,
      };
    }
    if (extra.clientId === actor.userId) {
      return {
        ...base,
        kind: 'invoice',
        title: 'Invoice',
        from: freelancer,
        to: client,
        items: [{ description, amountCents: gross }],
        totals: [{ label: 'Total paid from escrow', amountCents: gross, strong: true }],
        notes: contractNote,
      };
    }
  }
  throw notFound('The invoice');
}

/** The marketplace fee inside a charge: what went to platform revenue (the client paid it on top). */
function chargeFee(transfer: Transfer, credited: number): number {
  const paid = -transfer.postings
    .filter((posting) => posting.amountCents < 0)
    .reduce((sum, p) => sum + p.amountCents, 0);
  return paid - credited;
}
