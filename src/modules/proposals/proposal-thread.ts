import type { Tx } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import { getJobForHiring } from '../jobs/index.ts';
import { type MessageThread, openThread } from '../messages/index.ts';
import type { ProposalRow } from './proposal-view.ts';

/**
 * The conversation about a proposal, opened by the client (a freelancer cannot message a client
 * before the client answers their proposal). One thread per proposal: opening again returns it.
 */
export async function openProposalThread(tx: Tx, clock: Clock, proposal: ProposalRow): Promise<MessageThread> {
  const job = await getJobForHiring(tx, proposal.jobId);
  return openThread(tx, clock, {
    contextKind: 'proposal',
    contextId: proposal.id,
    participants: [
      { userId: proposal.clientId, role: 'client' },
      { userId: proposal.freelancerId, role: 'freelancer' },
    ],
    subject: job?.title ?? 'Your proposal',
    openedBy: proposal.clientId,
  });
}
