import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import { AppError } from '../../platform/errors.ts';
import type { Ctx } from '../../server/context.ts';
import { clientFundingAccount, escrowAccount, getBalanceByKey, platformAccount } from '../ledger/accounts.ts';
import { type PostedTransfer, postTransfer } from '../ledger/post-transfer.ts';
import { reverseTransfer } from '../ledger/reverse-transfer.ts';
import { chargeClient } from '../payments/index.ts';
import type { OfferRow } from './offer-view.ts';

/**
 * Offers and milestone funding take this lock (per client) and check the funds under it, so that of
 * two payments sent at once the second gets a clear "funds no longer cover this" answer. The ledger
 * itself refuses to overdraw a client's funds (a guarded account) should anything get past it.
 */
export async function lockClientFunding(tx: Tx, clientId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`client-funding:${clientId}`}))`);
}

/**
 * Charges the client's billing method for what their funding balance does not cover (before any
 * transaction: no gateway call inside one). The charge key carries the request's key and the
 * amount, so a retried request reuses its charge and a smaller shortfall on retry charges nothing.
 */
export async function chargeShortfall(
  ctx: Ctx,
  input: {
    clientId: string;
    currency: string;
    neededCents: number;
    billingMethodId?: string | undefined;
    requestKey: string;
  },
): Promise<string | null> {
  const balance = await getBalanceByKey(ctx.db, clientFundingAccount(input.clientId, input.currency));
  const shortfall = input.neededCents - Math.max(0, balance);
  if (shortfall <= 0) return null;
  const charge = await chargeClient(ctx, {
    clientId: input.clientId,
    amountCents: shortfall,
    currency: input.currency,
    billingMethodId: input.billingMethodId,
    purpose: 'escrow_funding',
    idempotencyKey: `offer:${input.requestKey}:${shortfall}`,
  });
  return charge.id;
}

/**
 * Moves the funded milestones from the client's funding into the contract-to-be's escrow, and the
 * client marketplace fee on them to platform revenue, in one transfer.
 */
export async function fundOfferEscrow(tx: Tx, offer: OfferRow, at: Date): Promise<PostedTransfer> {
  const needed = offer.fundedCents + offer.clientFeeCents;
  const balance = await getBalanceByKey(tx, clientFundingAccount(offer.clientId, offer.currency));
  if (balance < needed) {
    throw new AppError('payment_required', {
      userMessage: 'Your Workroom funds no longer cover this funding (they were used meanwhile). Send the offer again.',
      details: { neededCents: needed, balanceCents: balance },
    });
  }
  const funded = offer.milestones.filter((milestone) => milestone.funded);
  const postings = [
    { account: clientFundingAccount(offer.clientId, offer.currency), amountCents: -needed },
    { account: escrowAccount(offer.contractId, offer.currency), amountCents: offer.fundedCents },
  ];
  if (offer.clientFeeCents > 0) {
    postings.push({
      account: platformAccount('platform_fee_revenue', offer.currency),
      amountCents: offer.clientFeeCents,
    });
  }
  return postTransfer(tx, {
    idempotencyKey: `offer:fund:${offer.id}`,
    reason: 'escrow.fund',
    refs: {
      contractId: offer.contractId,
      ...(funded[0] ? { milestoneId: funded[0].id } : {}),
      ...(offer.chargeId ? { chargeId: offer.chargeId } : {}),
      userId: offer.clientId,
      extra: { offerId: offer.id, milestoneIds: funded.map((m) => m.id), feeScheduleVersion: offer.feeScheduleVersion },
    },
    memo: `Escrow for the offer "${offer.title}"`.slice(0, 500),
    at,
    postings,
  });
}

/** Returns an unaccepted offer's funding in full (escrow and fee) to the client's funding. */
export async function refundOfferEscrow(tx: Tx, offer: OfferRow, at: Date, why: string): Promise<string | null> {
  if (!offer.fundingTransferId) return null;
  const reversal = await reverseTransfer(tx, {
    transferId: offer.fundingTransferId,
    idempotencyKey: `offer:refund:${offer.id}`,
    reason: 'escrow.refund',
    memo: `Offer "${offer.title}" ${why}: funds returned`.slice(0, 500),
    at,
  });
  return reversal.id;
}
