import type { z } from 'zod';
import type { OfferState } from './limits.ts';
import type { OfferView } from './offer-view.ts';
import type { OfferResponse } from './schemas.ts';

export function presentOffer(view: OfferView): z.infer<typeof OfferResponse> {
  const { row } = view;
  return {
    id: row.id,
    state: row.state as OfferState,
    client: view.client,
    freelancer: view.freelancer,
    job: view.job,
    proposalId: row.proposalId,
    contractId: row.state === 'accepted' ? row.contractId : null,
    title: row.title,
    description: row.description,
    deliverables: row.deliverables,
    type: row.type as 'hourly' | 'fixed',
    currency: row.currency,
    hourly:
      row.type === 'hourly'
        ? {
            rateCents: row.hourlyRateCents ?? 0,
            weeklyLimitHours: row.weeklyLimitHours ?? 0,
            manualTimeAllowed: row.manualTimeAllowed ?? false,
          }
        : null,
    fixed: row.type === 'fixed' ? { totalCents: row.totalCents ?? 0, milestones: row.milestones } : null,
    funding: {
      fundedCents: row.fundedCents,
      clientFeeCents: row.clientFeeCents,
      paidCents: row.fundedCents + row.clientFeeCents,
      escrowBalanceCents: view.escrowBalanceCents,
    },
    fees: view.fees,
    startDate: row.startDate,
    expiresAt: row.expiresAt.toISOString(),
    keepJobOpen: row.keepJobOpen,
    message: row.message,
    declineReason: row.declineReason,
    createdAt: row.createdAt.toISOString(),
    respondedAt: row.respondedAt?.toISOString() ?? null,
  };
}
