import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor, Ctx } from '../../server/context.ts';
import { clientMarketplaceFee, feeScheduleInForce } from '../fees/index.ts';
import { getThreadForContext, postSystemMessage } from '../messages/index.ts';
import { notify } from '../notifications/notify.ts';
import { setPendingOffer } from '../proposals/index.ts';
import { actingAsClient } from './access.ts';
import { chargeShortfall, fundOfferEscrow, lockClientFunding } from './fund-offer.ts';
import { offerLimits } from './limits.ts';
import { resolveOfferParties } from './offer-parties.ts';
import { type OfferRow, type OfferView, viewOffer } from './offer-view.ts';
import type { SendOfferInput } from './schemas.ts';
import { type OfferMilestone, offers } from './tables.ts';

function checkDates(input: SendOfferInput, now: Date): Date {
  const today = now.toISOString().slice(0, 10);
  if (input.startDate < today) throw invalidField('startDate', 'The start date cannot be in the past.');
  if (input.terms.type === 'fixed') {
    input.terms.milestones.forEach((milestone, index) => {
      if (milestone.dueDate < input.startDate) {
        throw invalidField(`terms.milestones.${index}.dueDate`, 'A milestone is due on or after the start date.');
      }
    });
  }
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : new Date(now.getTime() + offerLimits.defaultExpiryMs);
  const wait = expiresAt.getTime() - now.getTime();
  if (wait < offerLimits.minExpiryMs || wait > offerLimits.maxExpiryMs) {
    throw invalidField('expiresAt', 'An offer expires between one hour and 30 days from now.');
  }
  return expiresAt;
}

/** The milestones with their ids and which are funded now, and what that funding costs. */
function fundingPlan(input: SendOfferInput, feeRate: (cents: number) => number) {
  if (input.terms.type !== 'fixed') return { milestones: [] as OfferMilestone[], fundedCents: 0, clientFeeCents: 0 };
  const fundAll = input.terms.fund === 'all';
  const milestones: OfferMilestone[] = input.terms.milestones.map((milestone, index) => ({
    id: newId(),
    ...milestone,
    funded: fundAll || index === 0,
  }));
  const fundedCents = milestones.filter((m) => m.funded).reduce((sum, m) => sum + m.amountCents, 0);
  return { milestones, fundedCents, clientFeeCents: feeRate(fundedCents) };
}

async function replayOf(executor: Executor, client: Actor, key: string, requestHash: string): Promise<OfferRow | null> {
  const [row] = await executor
    .select()
    .from(offers)
    .where(and(eq(offers.clientId, client.userId), eq(offers.requestKey, key)));
  if (!row) return null;
  if (row.requestHash !== requestHash) throw new AppError('idempotency_key_reused');
  return row;
}

/**
 * POST /api/offers. A fixed-price offer is funded when sent: the first milestone (or all) plus the
 * client marketplace fee, from the client's funds, the billing method charged for any shortfall.
 * The money waits in the escrow of the contract the offer will become. Idempotent by the
 * request's Idempotency-Key: a retry returns the same offer and charges nothing more.
 */
export async function sendOffer(ctx: Ctx, input: SendOfferInput, idempotencyKey: string): Promise<OfferView> {
  const client = actingAsClient(ctx);
  if (!idempotencyKey) throw invalidField('headers.Idempotency-Key', 'Send an Idempotency-Key header.');
  const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
  const replay = await replayOf(ctx.db, client, idempotencyKey, requestHash);
  if (replay) return viewOffer(ctx.db, replay, ctx.clock.now());
  const now = ctx.clock.now();
  const expiresAt = checkDates(input, now);
  // Checked before any charge, and again under locks below.
  const preview = await ctx.tx((tx) => resolveOfferParties(tx, client, input));
  const schedule = await feeScheduleInForce(ctx.db, now);
  const plan = fundingPlan(input, (cents) => (cents > 0 ? clientMarketplaceFee(cents, schedule) : 0));
  const chargeId =
    plan.fundedCents > 0
      ? await chargeShortfall(ctx, {
          clientId: client.userId,
          currency: preview.currency,
          neededCents: plan.fundedCents + plan.clientFeeCents,
          billingMethodId: input.billingMethodId,
          requestKey: idempotencyKey,
        })
      : null;
  const row = await ctx.tx(async (tx) => {
    await lockClientFunding(tx, client.userId);
    const raced = await replayOf(tx, client, idempotencyKey, requestHash);
    if (raced) return raced;
    const parties = await resolveOfferParties(tx, client, input);
    const terms = input.terms;
    const [inserted] = await tx
      .insert(offers)
      .values({
        id: newId(),
        clientId: client.userId,
        ...parties,
        contractId: newId(),
        state: 'pending',
        title: input.title,
        description: input.description,
        deliverables: input.deliverables,
        type: terms.type,
        hourlyRateCents: terms.type === 'hourly' ? terms.hourlyRateCents : null,
        weeklyLimitHours: terms.type === 'hourly' ? terms.weeklyLimitHours : null,
        manualTimeAllowed: terms.type === 'hourly' ? terms.manualTimeAllowed : null,
        totalCents: terms.type === 'fixed' ? terms.totalCents : null,
        milestones: plan.milestones,
        fundedCents: plan.fundedCents,
        clientFeeCents: plan.clientFeeCents,
        feeScheduleVersion: schedule.version,
        chargeId,
        startDate: input.startDate,
        expiresAt,
        keepJobOpen: input.keepJobOpen,
        message: input.message,
        requestKey: idempotencyKey,
        requestHash,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!inserted) throw new Error('offer insert returned no row');
    let offer = inserted;
    if (offer.fundedCents > 0) {
      const transfer = await fundOfferEscrow(tx, offer, now);
      const [funded] = await tx
        .update(offers)
        .set({ fundingTransferId: transfer.id })
        .where(eq(offers.id, offer.id))
        .returning();
      offer = funded ?? offer;
    }
    if (offer.proposalId) {
      await setPendingOffer(tx, offer.proposalId, offer.id);
      const thread = await getThreadForContext(tx, 'proposal', offer.proposalId);
      if (thread) await postSystemMessage(tx, ctx.clock, { threadId: thread.id, text: `Offer sent: ${offer.title}` });
    }
    await notify(tx, ctx.clock, {
      userId: offer.freelancerId,
      kind: 'offer.received',
      title: `You received an offer: ${offer.title}`,
      body: offer.message,
      link: `/offers/${offer.id}`,
    });
    return offer;
  });
  return viewOffer(ctx.db, row, now);
}
