import type { z } from 'zod';
import type { JobDuration } from '../jobs/index.ts';
import type { ProposalState } from './limits.ts';
import type { ProposalView } from './proposal-view.ts';
import type { ProposalResponse } from './schemas.ts';

export function presentProposal(view: ProposalView): z.infer<typeof ProposalResponse> {
  const { row } = view;
  return {
    id: row.id,
    state: row.state as ProposalState,
    job: view.job,
    freelancer: view.freelancer,
    coverLetter: row.coverLetter,
    bid: {
      type: row.bidType as 'hourly' | 'fixed',
      amountCents: row.bidCents,
      currency: row.currency,
      milestones: row.milestones,
    },
    estimatedDuration: row.estimatedDuration as JobDuration,
    answers: row.answers,
    attachments: view.attachments.map((file) => ({
      id: file.id,
      name: file.name,
      contentType: file.contentType,
      sizeBytes: file.sizeBytes,
      url: file.url,
    })),
    connectsSpent: row.connectsSpent,
    invited: row.invited,
    matchScore: row.matchScore,
    declineReason: row.declineReason,
    threadId: view.threadId,
    pendingOfferId: row.pendingOfferId,
    fees: view.fees,
    youReceiveCents: view.fees?.youReceiveCents ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
