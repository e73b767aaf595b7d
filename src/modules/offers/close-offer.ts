import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import { getThreadForContext, postSystemMessage } from '../messages/index.ts';
import { setPendingOffer } from '../proposals/index.ts';
import { refundOfferEscrow } from './fund-offer.ts';
import type { OfferRow } from './offer-view.ts';
import { offers } from './tables.ts';
import { type OfferActor, transition } from './transitions.ts';

const said = { decline: 'declined', withdraw: 'withdrawn', expire: 'expired' } as const;

/**
 * Ends a locked pending offer without a contract (declined, withdrawn or expired): its escrow and
 * fee go back to the client's funding in full, and its proposal can take another offer.
 */
export async function closeOffer(
  tx: Tx,
  clock: Clock,
  offer: OfferRow,
  step: { action: 'decline' | 'withdraw' | 'expire'; by: OfferActor; declineReason?: string },
): Promise<OfferRow> {
  const to = transition(offer.state as 'pending', step.action, step.by);
  const now = clock.now();
  const refundTransferId = await refundOfferEscrow(tx, offer, now, said[step.action]);
  const [row] = await tx
    .update(offers)
    .set({
      state: to,
      declineReason: step.action === 'decline' ? (step.declineReason ?? '') : null,
      refundTransferId,
      respondedAt: step.action === 'expire' ? null : now,
      updatedAt: now,
    })
    .where(eq(offers.id, offer.id))
    .returning();
  if (!row) throw new Error(`offer ${offer.id} vanished`);
  if (offer.proposalId) {
    await setPendingOffer(tx, offer.proposalId, null);
    const thread = await getThreadForContext(tx, 'proposal', offer.proposalId);
    if (thread)
      await postSystemMessage(tx, clock, { threadId: thread.id, text: `Offer ${said[step.action]}: ${offer.title}` });
  }
  return row;
}
