import type { Ctx } from '../../server/context.ts';
import { actingAsClient, lockReceivedProposal } from './access.ts';
import { changeProposalState } from './change-state.ts';
import { type ProposalView, viewProposal } from './proposal-view.ts';

/** Shortlist or archive a proposal received for one of the caller's jobs (a 404 for anyone else's). */
async function triage(ctx: Ctx, proposalId: string, action: 'shortlist' | 'archive'): Promise<ProposalView> {
  const actor = actingAsClient(ctx);
  const row = await ctx.tx(async (tx) =>
    changeProposalState(tx, ctx.clock.now(), await lockReceivedProposal(tx, actor, proposalId), {
      action,
      by: 'client',
    }),
  );
  return viewProposal(ctx.db, row, { userId: actor.userId, now: ctx.clock.now() });
}

/** POST /api/proposals/:id/shortlist */
export const shortlistProposal = (ctx: Ctx, proposalId: string) => triage(ctx, proposalId, 'shortlist');

/** POST /api/proposals/:id/archive */
export const archiveProposal = (ctx: Ctx, proposalId: string) => triage(ctx, proposalId, 'archive');
