import type { Ctx } from '../../server/context.ts';
import { requireActor } from '../../server/context.ts';
import { findVisibleProposal } from './access.ts';
import { type ProposalView, viewProposal } from './proposal-view.ts';

/** GET /api/proposals/:id: for its freelancer and the job's client (and operators); 404 for anyone else. */
export async function getProposal(ctx: Ctx, proposalId: string): Promise<ProposalView> {
  const actor = requireActor(ctx);
  const row = await findVisibleProposal(ctx.db, actor, proposalId);
  return viewProposal(ctx.db, row, { userId: actor.userId, now: ctx.clock.now() });
}
