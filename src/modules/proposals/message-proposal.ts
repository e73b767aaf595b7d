import { AppError } from '../../platform/errors.ts';
import type { Ctx } from '../../server/context.ts';
import { postMessage } from '../messages/index.ts';
import { actingAsClient, lockReceivedProposal } from './access.ts';
import { openProposalThread } from './proposal-thread.ts';
import { type ProposalView, viewProposal } from './proposal-view.ts';

/**
 * POST /api/proposals/:id/message: the client replies to a proposal, which opens the thread
 * between them (the freelancer answers there). A withdrawn proposal cannot be messaged.
 */
export async function messageProposal(ctx: Ctx, proposalId: string, input: { text: string }): Promise<ProposalView> {
  const actor = actingAsClient(ctx);
  const { row, threadId } = await ctx.tx(async (tx) => {
    const proposal = await lockReceivedProposal(tx, actor, proposalId);
    if (proposal.state === 'withdrawn') {
      throw new AppError('invalid_state', {
        userMessage: 'This proposal was withdrawn; its freelancer can no longer be messaged here.',
        fields: [{ field: 'state', message: 'The proposal is withdrawn.' }],
      });
    }
    const thread = await openProposalThread(tx, ctx.clock, proposal);
    return { row: proposal, threadId: thread.id };
  });
  await postMessage(ctx, { threadId, text: input.text });
  return viewProposal(ctx.db, row, { userId: actor.userId, now: ctx.clock.now() });
}
