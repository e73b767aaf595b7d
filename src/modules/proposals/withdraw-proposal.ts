import type { Ctx } from '../../server/context.ts';
import { notify } from '../notifications/notify.ts';
import { actingAsFreelancer, lockOwnProposal } from './access.ts';
import { changeProposalState } from './change-state.ts';
import { type ProposalView, viewProposal } from './proposal-view.ts';

/** POST /api/proposals/:id/withdraw: the freelancer takes the proposal back. Connects are not returned (as on Upwork). */
export async function withdrawProposal(ctx: Ctx, proposalId: string): Promise<ProposalView> {
  const actor = actingAsFreelancer(ctx);
  const row = await ctx.tx(async (tx) => {
    const proposal = await lockOwnProposal(tx, actor, proposalId);
    const withdrawn = await changeProposalState(tx, ctx.clock.now(), proposal, {
      action: 'withdraw',
      by: 'freelancer',
    });
    await notify(tx, ctx.clock, {
      userId: proposal.clientId,
      kind: 'proposal.withdrawn',
      title: 'A freelancer withdrew their proposal',
      link: `/jobs/${proposal.jobId}/proposals`,
    });
    return withdrawn;
  });
  return viewProposal(ctx.db, row, { userId: actor.userId, now: ctx.clock.now() });
}
