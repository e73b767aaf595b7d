import type { Tx } from '../../db/transaction.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import type { Actor } from '../../server/context.ts';
import { getJobForHiring } from '../jobs/index.ts';
import { SUPPORTED_CURRENCIES } from '../payments/index.ts';
import { getFreelancerSummaries } from '../profiles/summaries.ts';
import { findProposalFor, lockProposalForOffer } from '../proposals/index.ts';
import type { SendOfferInput } from './schemas.ts';

export interface OfferParties {
  freelancerId: string;
  jobId: string | null;
  proposalId: string | null;
  currency: string;
}

/**
 * Who and what an offer is for: from a proposal (its freelancer and job, the proposal locked and
 * able to take an offer), or directly to a freelancer, optionally for one of the client's jobs
 * (linked to the freelancer's proposal for it when that one can still take an offer).
 */
export async function resolveOfferParties(tx: Tx, client: Actor, input: SendOfferInput): Promise<OfferParties> {
  if (input.proposalId) {
    const proposal = await lockProposalForOffer(tx, { proposalId: input.proposalId, clientId: client.userId });
    if (input.freelancerId && input.freelancerId !== proposal.freelancerId) {
      throw invalidField('freelancerId', 'This is not the freelancer who sent the proposal.');
    }
    if (input.jobId && input.jobId !== proposal.jobId) throw invalidField('jobId', 'The proposal is for another job.');
    return {
      freelancerId: proposal.freelancerId,
      jobId: proposal.jobId,
      proposalId: proposal.id,
      currency: proposal.currency,
    };
  }
  if (!input.freelancerId) {
    throw invalidField('freelancerId', 'Name the freelancer, or make the offer from their proposal.');
  }
  if (input.freelancerId === client.userId) throw invalidField('freelancerId', 'You cannot send an offer to yourself.');
  const freelancer = (await getFreelancerSummaries(tx, [input.freelancerId])).get(input.freelancerId);
  if (!freelancer) throw invalidField('freelancerId', 'There is no freelancer with this id.');
  if (!input.jobId) {
    return { freelancerId: freelancer.userId, jobId: null, proposalId: null, currency: SUPPORTED_CURRENCIES[0] };
  }
  const job = await getJobForHiring(tx, input.jobId);
  if (!job || job.clientId !== client.userId) throw invalidField('jobId', 'There is no such job of yours.');
  if (job.state === 'draft') {
    throw new AppError('invalid_state', {
      userMessage: 'This job is a draft; publish it before hiring for it.',
      fields: [{ field: 'jobId', message: 'The job is a draft.' }],
    });
  }
  const proposal = await findProposalFor(tx, { jobId: job.id, freelancerId: freelancer.userId });
  const canTakeOffer =
    proposal && !['declined', 'withdrawn', 'hired'].includes(proposal.state) && proposal.pendingOfferId === null;
  if (proposal && canTakeOffer)
    await lockProposalForOffer(tx, { proposalId: proposal.id, clientId: client.userId, field: 'jobId' });
  return {
    freelancerId: freelancer.userId,
    jobId: job.id,
    proposalId: proposal && canTakeOffer ? proposal.id : null,
    currency: job.currency,
  };
}
