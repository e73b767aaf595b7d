import type { Executor } from '../../db/client.ts';
import { legTotalsByReason } from '../ledger/leg-totals.ts';

/**
 * Lifetime billings between one freelancer and one client: the gross of every payment released
 * to that freelancer from that client's contracts, net of refunds and reversals. It is where the
 * sliding service fee starts for the next payment.
 *
 * From the ledger's transfers that credit the freelancer and name the client in `extra.clientId`
 * (payouts' `releaseEscrowAsEarning` always does): every `escrow.release` counts its escrow leg
 * (the gross); every `payment.refund` (the freelancer giving money back) subtracts what reached
 * the client's funds; reversals count under the reason they reverse, with opposite signs.
 * Callers computing a fee for a release must call this inside the release transaction, after
 * taking the pair's lock, so that two concurrent payments cannot both start from the same total.
 */
export async function lifetimeBilledCents(
  executor: Executor,
  pair: { freelancerId: string; clientId: string },
): Promise<number> {
  const legs = await legTotalsByReason(executor, {
    ownerId: pair.freelancerId,
    ownerKinds: ['freelancer_pending', 'freelancer_available'],
    extraKey: 'clientId',
    extraValue: pair.clientId,
  });
  let billed = 0;
  for (const leg of legs) {
    if (leg.reason === 'escrow.release' && leg.accountKind === 'escrow') billed -= leg.cents;
    if (leg.reason === 'payment.refund' && leg.accountKind === 'client_funding') billed -= leg.cents;
  }
  return billed;
}
