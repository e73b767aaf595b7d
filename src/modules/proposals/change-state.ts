import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import { AppError } from '../../platform/errors.ts';
import { adjustJobCounters } from '../jobs/index.ts';
import type { ProposalState } from './limits.ts';
import type { ProposalRow } from './proposal-view.ts';
import { proposals } from './tables.ts';
import { countsAsInterviewing, type ProposalAction, type ProposalActor, transition } from './transitions.ts';

/**
 * Moves a locked proposal along the transition table and keeps the job's counters: "proposals"
 * drops when one is withdrawn, "interviewing" follows the proposals in that state.
 */
export async function changeProposalState(
  tx: Tx,
  now: Date,
  proposal: ProposalRow,
  step: { action: ProposalAction; by: ProposalActor; declineReason?: string },
): Promise<ProposalRow> {
  const from = proposal.state as ProposalState;
  const to = transition(from, step.action, step.by);
  if (proposal.pendingOfferId && (step.action === 'withdraw' || step.action === 'decline')) {
    throw new AppError('invalid_state', {
      userMessage:
        step.action === 'withdraw'
          ? 'An offer is waiting for your answer on this proposal: decline the offer instead.'
          : 'You sent an offer on this proposal: withdraw the offer first.',
      fields: [{ field: 'pendingOfferId', message: 'An offer is pending.' }],
    });
  }
  const interviewing = Number(countsAsInterviewing(to)) - Number(countsAsInterviewing(from));
  const withdrawn = to === 'withdrawn' ? -1 : 0;
  if (interviewing !== 0 || withdrawn !== 0) {
    await adjustJobCounters(tx, proposal.jobId, { interviewing, proposals: withdrawn });
  }
  const [row] = await tx
    .update(proposals)
    .set({
      state: to,
      declineReason: to === 'declined' ? (step.declineReason ?? '') : null,
      updatedAt: now,
      stateChangedAt: now,
    })
    .where(eq(proposals.id, proposal.id))
    .returning();
  if (!row) throw new Error(`proposal ${proposal.id} vanished`);
  return row;
}
