import type { Ctx } from '../../server/context.ts';
import { getJobForHiring } from '../jobs/index.ts';
import { notify } from '../notifications/notify.ts';
import { actingAsClient, lockReceivedProposal } from './access.ts';
import { changeProposalState } from './change-state.ts';
import { type ProposalView, viewProposal } from './proposal-view.ts';

/** POST /api/proposals/:id/decline: the client declines, with a reason the freelancer sees. */
export async function declineProposal(ctx: Ctx, proposalId: string, input: { reason: string }): Promise<ProposalView> {
  const actor = actingAsClient(ctx);
  const row = await ctx.tx(async (tx) => {
    const proposal = await lockReceivedProposal(tx, actor, proposalId);
    const declined = await changeProposalState(tx, ctx.clock.now(), proposal, {
      action: 'decline',
      by: 'client',
      declineReason: input.reason,
    });
    const job = await getJobForHiring(tx, proposal.jobId);
    await notify(tx, ctx.clock, {
      userId: proposal.freelancerId,
      kind: 'proposal.declined',
      title: `Your proposal was declined: ${job?.title ?? 'a job'}`,
      body: input.reason,
      link: `/proposals/${proposal.id}`,
    });
    return declined;
  });
  return viewProposal(ctx.db, row, { userId: actor.userId, now: ctx.clock.now() });
}
