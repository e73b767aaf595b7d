import type { Tx } from '../../db/transaction.ts';
import { AppError } from '../../platform/errors.ts';
import type { Ctx } from '../../server/context.ts';
import { clientFundingAccount, getBalanceByKey } from '../ledger/accounts.ts';
import { lockClientFunding } from '../offers/fund-offer.ts';
import { chargeClient } from '../payments/index.ts';

/**
 * Charges the client's billing method for what their Workroom funds do not cover, before the
 * transaction that spends the funds (no gateway call inside a transaction). The charge's key
 * carries the request's Idempotency-Key and the shortfall: a retried request reuses its charge.
 * A charge whose request then loses a race (the milestone was funded meanwhile) stays in the
 * client's funds, where the next payment uses it.
 */
export async function chargeShortfall(
  ctx: Ctx,
  input: {
    clientId: string;
    currency: string;
    neededCents: number;
    billingMethodId?: string | undefined;
    /** What is paid for and the request's key, e.g. `milestone-fund:<id>:<key>`. */
    chargeKey: string;
    refs: { contractId: string; milestoneId?: string };
  },
): Promise<string | null> {
  if (input.neededCents <= 0) return null;
  const balance = await getBalanceByKey(ctx.db, clientFundingAccount(input.clientId, input.currency));
  const shortfall = input.neededCents - Math.max(0, balance);
  if (shortfall <= 0) return null;
  const charge = await chargeClient(ctx, {
    clientId: input.clientId,
    amountCents: shortfall,
    currency: input.currency,
    billingMethodId: input.billingMethodId,
    purpose: 'escrow_funding',
    idempotencyKey: `${input.chargeKey}:${shortfall}`,
    refs: input.refs,
  });
  return charge.id;
}

/**
 * Takes the client-funding lock (shared with offers, so an offer and a milestone cannot spend the
 * same funds) and checks the funds cover `neededCents`.
 */
export async function reserveClientFunds(
  tx: Tx,
  input: { clientId: string; currency: string; neededCents: number },
): Promise<void> {
  await lockClientFunding(tx, input.clientId);
  const balance = await getBalanceByKey(tx, clientFundingAccount(input.clientId, input.currency));
  if (balance < input.neededCents) {
    throw new AppError('payment_required', {
      userMessage: 'Your Workroom funds no longer cover this payment (they were used meanwhile). Please try again.',
      details: { neededCents: input.neededCents, balanceCents: balance },
    });
  }
}
