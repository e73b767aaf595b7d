import { eq } from 'drizzle-orm';
import { notFound } from '../../platform/errors.ts';
import type { Ctx } from '../../server/context.ts';
import { attachFile, detachFiles } from '../files/index.ts';
import { getJobForHiring } from '../jobs/index.ts';
import { actingAsFreelancer, lockOwnProposal } from './access.ts';
import { bidColumns, screeningAnswers } from './bid.ts';
import { PROPOSAL_FILE_KIND, type ProposalState } from './limits.ts';
import { type ProposalView, viewProposal } from './proposal-view.ts';
import type { UpdateProposalInput } from './schemas.ts';
import { proposals } from './tables.ts';
import { transition } from './transitions.ts';

/** PATCH /api/proposals/:id: the freelancer changes the bid, letter, duration, answers or files before a hire. */
export async function updateProposal(ctx: Ctx, proposalId: string, input: UpdateProposalInput): Promise<ProposalView> {
  const actor = actingAsFreelancer(ctx);
  const row = await ctx.tx(async (tx) => {
    const proposal = await lockOwnProposal(tx, actor, proposalId);
    transition(proposal.state as ProposalState, 'edit', 'freelancer');
    const job = await getJobForHiring(tx, proposal.jobId);
    if (!job) throw notFound('Job');
    const changes: Partial<typeof proposals.$inferInsert> = { updatedAt: ctx.clock.now() };
    if (input.coverLetter !== undefined) changes.coverLetter = input.coverLetter;
    if (input.estimatedDuration !== undefined) changes.estimatedDuration = input.estimatedDuration;
    if (input.bid !== undefined) Object.assign(changes, bidColumns(job, input.bid));
    if (input.answers !== undefined) changes.answers = screeningAnswers(job, input.answers);
    if (input.attachmentIds !== undefined) {
      await detachFiles(tx, { ownerKind: PROPOSAL_FILE_KIND, ownerId: proposal.id });
      for (const [index, fileId] of input.attachmentIds.entries()) {
        await attachFile(tx, {
          fileId,
          ownerKind: PROPOSAL_FILE_KIND,
          ownerId: proposal.id,
          uploadedBy: actor.userId,
          field: `attachmentIds.${index}`,
        });
      }
      changes.attachmentIds = input.attachmentIds;
    }
    const [updated] = await tx.update(proposals).set(changes).where(eq(proposals.id, proposal.id)).returning();
    return updated ?? proposal;
  });
  return viewProposal(ctx.db, row, { userId: actor.userId, now: ctx.clock.now() });
}
