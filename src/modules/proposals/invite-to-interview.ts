import type { Ctx } from '../../server/context.ts';
import { postMessage } from '../messages/index.ts';
import { actingAsClient, lockReceivedProposal } from './access.ts';
import { changeProposalState } from './change-state.ts';
import { openProposalThread } from './proposal-thread.ts';
import { type ProposalView, viewProposal } from './proposal-view.ts';

/**
 * POST /api/proposals/:id/interview: the client invites the freelancer to interview. The proposal
 * moves to interviewing and the thread between them opens with the client's message (posted as
 * the client, so the freelancer is notified like for any message).
 */
export async function inviteToInterview(
  ctx: Ctx,
  proposalId: string,
  input: { message: string },
): Promise<ProposalView> {
  const actor = actingAsClient(ctx);
  const { row, threadId } = await ctx.tx(async (tx) => {
    const proposal = await lockReceivedProposal(tx, actor, proposalId);
    const row = await changeProposalState(tx, ctx.clock.now(), proposal, { action: 'interview', by: 'client' });
    const thread = await openProposalThread(tx, ctx.clock, row);
    return { row, threadId: thread.id };
  });
  await postMessage(ctx, { threadId, text: input.message });
  return viewProposal(ctx.db, row, { userId: actor.userId, now: ctx.clock.now() });
}
