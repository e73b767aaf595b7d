import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { Ctx } from '../../server/context.ts';
import { recordContractStart } from '../contract-record/index.ts';
import {
  type ContractTerms,
  type ContractView,
  createContract,
  getContractByOffer,
  viewContract,
} from '../contracts/index.ts';
import { adjustJobCounters, closeJobAsHired, getJobForHiring } from '../jobs/index.ts';
import { openThread, postSystemMessage } from '../messages/index.ts';
import { notify } from '../notifications/notify.ts';
import { markProposalHired } from '../proposals/index.ts';
import { actingAsFreelancer, lockOfferAs } from './access.ts';
import type { OfferRow } from './offer-view.ts';
import { offers } from './tables.ts';
import { transition } from './transitions.ts';

export function termsOf(offer: OfferRow): ContractTerms {
  return {
    title: offer.title,
    description: offer.description,
    deliverables: offer.deliverables,
    type: offer.type as 'hourly' | 'fixed',
    currency: offer.currency,
    startDate: offer.startDate,
    hourly:
      offer.type === 'hourly'
        ? {
            rateCents: offer.hourlyRateCents ?? 0,
            weeklyLimitHours: offer.weeklyLimitHours ?? 0,
            manualTimeAllowed: offer.manualTimeAllowed ?? false,
          }
        : null,
    fixed:
      offer.type === 'fixed'
        ? {
            totalCents: offer.totalCents ?? 0,
            milestones: offer.milestones.map(({ funded: _funded, ...milestone }) => milestone),
          }
        : null,
    feeScheduleVersion: offer.feeScheduleVersion,
  };
}

/** The hire side of an acceptance: the proposal hired, the job's hires counted, the job closed unless kept open. */
async function recordHire(tx: Tx, clock: Clock, offer: OfferRow): Promise<void> {
  if (offer.proposalId) await markProposalHired(tx, clock.now(), offer.proposalId);
  if (!offer.jobId) return;
  await adjustJobCounters(tx, offer.jobId, { hires: 1 });
  const job = await getJobForHiring(tx, offer.jobId);
  if (job?.state === 'open' && !offer.keepJobOpen) await closeJobAsHired(tx, clock, { jobId: offer.jobId });
}

/**
 * POST /api/offers/:id/accept: the freelancer accepts; the contract is created with the offer's
 * terms as version 1 (funded milestones already in its escrow). Idempotent: accepting an accepted
 * offer again, or two accepts racing, return the one contract (the offer row lock serializes them).
 */
export async function acceptOffer(ctx: Ctx, offerId: string): Promise<ContractView> {
  const actor = actingAsFreelancer(ctx);
  const contract = await ctx.tx(async (tx) => {
    const offer = await lockOfferAs(tx, actor, offerId, 'freelancer');
    if (offer.state === 'accepted') return null;
    transition(offer.state as 'pending', 'accept', 'freelancer');
    const now = ctx.clock.now();
    if (offer.expiresAt <= now) {
      throw new AppError('invalid_state', {
        userMessage: 'This offer has expired; ask the client to send a new one.',
        fields: [{ field: 'state', message: 'The offer expired.' }],
      });
    }
    await tx.update(offers).set({ state: 'accepted', respondedAt: now, updatedAt: now }).where(eq(offers.id, offer.id));
    const funding = new Map(
      offer.milestones
        .filter((milestone) => milestone.funded)
        .map((milestone) => [
          milestone.id,
          {
            fundedCents: milestone.amountCents,
            // The fee was charged on the funded total; each milestone keeps its share, the last the remainder.
            clientFeeCents: 0,
            fundedAt: offer.createdAt,
          },
        ]),
    );
    assignFeeShares(funding, offer.clientFeeCents);
    const created = await createContract(tx, {
      id: offer.contractId,
      offerId: offer.id,
      clientId: offer.clientId,
      freelancerId: offer.freelancerId,
      jobId: offer.jobId,
      proposalId: offer.proposalId,
      terms: termsOf(offer),
      funding,
      acceptedBy: actor.userId,
      at: now,
    });
    // The contract's official record starts with the accepted terms (and what the offer funded).
    await recordContractStart(tx, ctx.clock, {
      contractId: created.id,
      offerId: offer.id,
      clientId: offer.clientId,
      freelancerId: offer.freelancerId,
      acceptedBy: actor.userId,
      terms: termsOf(offer),
      funded: offer.milestones
        .filter((milestone) => milestone.funded)
        .map((milestone) => ({ milestoneId: milestone.id, amountCents: milestone.amountCents })),
      at: now,
    });
    await recordHire(tx, ctx.clock, offer);
    const thread = await openThread(tx, ctx.clock, {
      contextKind: 'contract',
      contextId: created.id,
      participants: [
        { userId: offer.clientId, role: 'client' },
        { userId: offer.freelancerId, role: 'freelancer' },
      ],
      subject: offer.title,
      openedBy: null,
    });
    await postSystemMessage(tx, ctx.clock, { threadId: thread.id, text: `Contract started: ${offer.title}` });
    await notify(tx, ctx.clock, {
      userId: offer.clientId,
      kind: 'offer.accepted',
      title: `Your offer was accepted: ${offer.title}`,
      link: `/contracts/${created.id}`,
    });
    return created;
  });
  const row = contract ?? (await contractOfAcceptedOffer(ctx, offerId));
  return viewContract(ctx.db, row);
}

async function contractOfAcceptedOffer(ctx: Ctx, offerId: string) {
  const row = await getContractByOffer(ctx.db, offerId);
  if (!row) throw new Error(`accepted offer ${offerId} has no contract`);
  return row;
}

/** Splits the fee over the funded milestones in proportion to their amounts; the cents add up exactly. */
function assignFeeShares(
  funding: Map<string, { fundedCents: number; clientFeeCents: number }>,
  feeCents: number,
): void {
  const entries = [...funding.values()];
  const total = entries.reduce((sum, entry) => sum + entry.fundedCents, 0);
  let assigned = 0;
  entries.forEach((entry, index) => {
    const share =
      index === entries.length - 1
        ? feeCents - assigned
        : Math.floor((feeCents * entry.fundedCents) / Math.max(total, 1));
    entry.clientFeeCents = share;
    assigned += share;
  });
}
