import { invalidField, notFound } from '../../platform/errors.ts';
import { type Ctx, hasRole, requireActor } from '../../server/context.ts';
import { feeScheduleInForce } from './fee-schedules.ts';
import { lifetimeBilledCents } from './lifetime-billed.ts';
import { clientMarketplaceFee, splitPayment, type TierPiece } from './split-payment.ts';

export type PaymentKind = 'milestone' | 'hourly' | 'bonus';

export interface FeePreview {
  kind: PaymentKind;
  currency: string;
  grossCents: number;
  freelancerFeeCents: number;
  freelancerNetCents: number;
  clientFeeCents: number;
  clientTotalCents: number;
  priorBilledCents: number;
  tiers: TierPiece[];
  scheduleVersion: number;
}

/**
 * What a payment would cost the client and leave the freelancer, under the schedule in force now.
 * With a freelancer and/or client named, the sliding fee starts from that pair's lifetime
 * billings, which only the two parties (or an operator) may learn: anyone else gets a 404.
 */
export async function previewFees(
  ctx: Ctx,
  input: { amountCents: number; currency: string; kind: PaymentKind; freelancerId?: string; clientId?: string },
): Promise<FeePreview> {
  const actor = requireActor(ctx);
  const schedule = await feeScheduleInForce(ctx.db, ctx.clock.now());
  if (input.currency !== schedule.definition.currency) {
    throw invalidField('currency', `Payments are in ${schedule.definition.currency}.`);
  }
  let priorBilledCents = 0;
  if (input.freelancerId || input.clientId) {
    const pair = { freelancerId: input.freelancerId ?? actor.userId, clientId: input.clientId ?? actor.userId };
    const isParty = pair.freelancerId === actor.userId || pair.clientId === actor.userId;
    if (!isParty && !hasRole(actor, 'operator')) throw notFound('This freelancer and client');
    priorBilledCents = await lifetimeBilledCents(ctx.db, pair);
  }
  const split = splitPayment({ grossCents: input.amountCents, priorBilledCents, schedule });
  const clientFeeCents = clientMarketplaceFee(input.amountCents, schedule);
  return {
    kind: input.kind,
    currency: input.currency,
    grossCents: split.grossCents,
    freelancerFeeCents: split.feeCents,
    freelancerNetCents: split.netCents,
    clientFeeCents,
    clientTotalCents: input.amountCents + clientFeeCents,
    priorBilledCents,
    tiers: split.tiers,
    scheduleVersion: split.scheduleVersion,
  };
}
