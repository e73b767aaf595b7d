import { and, eq, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Tx } from '../../db/transaction.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { type Actor, type Ctx, hasRole, requireActor } from '../../server/context.ts';
import type { OfferRow } from './offer-view.ts';
import { offers } from './tables.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function actingAsClient(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'client')) throw new AppError('forbidden', { userMessage: 'Only client accounts send offers.' });
  return actor;
}

export function actingAsFreelancer(ctx: Ctx): Actor {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'freelancer')) {
    throw new AppError('forbidden', { userMessage: 'Only freelancer accounts answer offers.' });
  }
  return actor;
}

/** An offer locked for the party who may act on it now; for anyone else (the other party included) a 404. */
export async function lockOfferAs(
  tx: Tx,
  actor: Actor,
  offerId: string,
  as: 'client' | 'freelancer',
): Promise<OfferRow> {
  if (!UUID.test(offerId)) throw notFound('Offer');
  const party = as === 'client' ? eq(offers.clientId, actor.userId) : eq(offers.freelancerId, actor.userId);
  const [row] = await tx
    .select()
    .from(offers)
    .where(and(eq(offers.id, offerId), party))
    .for('update');
  if (!row) throw notFound('Offer');
  return row;
}

/** An offer either party (or an operator) may read; 404 for anyone else. */
export async function findVisibleOffer(executor: Executor, actor: Actor, offerId: string): Promise<OfferRow> {
  if (!UUID.test(offerId)) throw notFound('Offer');
  const party = or(eq(offers.clientId, actor.userId), eq(offers.freelancerId, actor.userId));
  const [row] = await executor
    .select()
    .from(offers)
    .where(hasRole(actor, 'operator') ? eq(offers.id, offerId) : and(eq(offers.id, offerId), party));
  if (!row) throw notFound('Offer');
  return row;
}
