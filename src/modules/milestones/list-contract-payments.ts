import { type Ctx, requireActor } from '../../server/context.ts';
import { listTransfers, type TransferListing } from '../ledger/list-transfers.ts';
import { contractForReader } from './access.ts';

export const MOVEMENT_KINDS = [
  'escrow_funded',
  'payment_released',
  'escrow_refunded',
  'refunded_by_freelancer',
  'reversal',
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** One money movement of a contract as both parties see it. */
export interface ContractMovement {
  transferId: string;
  at: Date;
  kind: MovementKind;
  milestoneId: string | null;
  /** What moved: into escrow, out of it to the freelancer (gross), or back to the client. */
  amountCents: number;
  /** Marketplace fee the client paid with it. */
  clientFeeCents: number;
  /** Service fee taken from the freelancer (negative: given back with a refund). */
  serviceFeeCents: number;
  /** What reached (or, for a refund, left) the freelancer's earnings. */
  freelancerNetCents: number;
  currency: string;
  description: string;
}

const kindOfReason: Record<string, MovementKind> = {
  'escrow.fund': 'escrow_funded',
  'escrow.release': 'payment_released',
  'escrow.refund': 'escrow_refunded',
  'payment.refund': 'refunded_by_freelancer',
  'ledger.reversal': 'reversal',
};

const sumOf = (transfer: TransferListing, kinds: string[]) =>
  transfer.postings.filter((posting) => kinds.includes(posting.kind)).reduce((sum, p) => sum + p.amountCents, 0);

function toMovement(transfer: TransferListing): ContractMovement | null {
  const kind = kindOfReason[transfer.reason];
  if (!kind) return null;
  const escrow = sumOf(transfer, ['escrow']);
  const platform = sumOf(transfer, ['platform_fee_revenue']);
  const freelancer = sumOf(transfer, ['freelancer_pending', 'freelancer_available']);
  const client = sumOf(transfer, ['client_funding']);
  const description = typeof transfer.refs.extra?.description === 'string' ? transfer.refs.extra.description : null;
  const amountCents = {
    escrow_funded: escrow,
    payment_released: -escrow,
    escrow_refunded: client,
    refunded_by_freelancer: client,
    reversal: Math.abs(escrow) || Math.abs(client),
  }[kind];
  return {
    transferId: transfer.id,
    at: transfer.createdAt,
    kind,
    milestoneId: transfer.refs.milestoneId ?? null,
    amountCents,
    clientFeeCents: kind === 'escrow_funded' ? platform : 0,
    serviceFeeCents: kind === 'payment_released' || kind === 'refunded_by_freelancer' ? platform : 0,
    freelancerNetCents: freelancer,
    currency: transfer.postings[0]?.currency ?? 'USD',
    description: description ?? transfer.memo ?? transfer.reason,
  };
}

/**
 * GET /api/contracts/:id/payments: the contract's money movements (escrow funded, payments
 * released, escrow refunded, refunds by the freelancer), oldest first, for both parties and
 * operators. Read from the ledger: it is the truth about money.
 */
export async function listContractPayments(ctx: Ctx, contractId: string): Promise<ContractMovement[]> {
  const actor = requireActor(ctx);
  const { contract } = await contractForReader(ctx.db, actor, contractId);
  const transfers: TransferListing[] = [];
  let cursor: string | undefined;
  do {
    const page = await listTransfers(ctx, { limit: 100, contractId: contract.id, ...(cursor ? { cursor } : {}) });
    transfers.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  // Transfers of one transaction share their time: money goes into escrow before it comes out.
  const rank = (movement: ContractMovement) => MOVEMENT_KINDS.indexOf(movement.kind);
  return transfers
    .map(toMovement)
    .filter((movement): movement is ContractMovement => movement !== null)
    .sort((a, b) => a.at.getTime() - b.at.getTime() || rank(a) - rank(b));
}
