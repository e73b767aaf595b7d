import { eq } from 'drizzle-orm';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Ctx } from '../../server/context.ts';
import { connectsForJob, spendConnects } from '../connects/index.ts';
import { attachFile } from '../files/index.ts';
import { adjustJobCounters, canFreelancerSeeJob, getJobForHiring, isInvited } from '../jobs/index.ts';
import { notify } from '../notifications/notify.ts';
import { getFreelancerSummaries } from '../profiles/summaries.ts';
import { actingAsFreelancer } from './access.ts';
import { bidColumns, screeningAnswers } from './bid.ts';
import { PROPOSAL_FILE_KIND } from './limits.ts';
import { matchScore } from './match-score.ts';
import { type ProposalView, viewProposal } from './proposal-view.ts';
import type { SubmitProposalInput } from './schemas.ts';
import { proposals } from './tables.ts';

/**
 * POST /api/jobs/:jobId/proposals. One proposal per freelancer and job. It costs Connects by the
 * job's value (free when answering an invitation), spent in the same transaction as the proposal
 * is saved: without enough Connects it is refused (402) and nothing is spent or saved.
 */
export async function submitProposal(ctx: Ctx, jobId: string, input: SubmitProposalInput): Promise<ProposalView> {
  const actor = actingAsFreelancer(ctx);
  const row = await ctx.tx(async (tx) => {
    // The job row stays locked until commit: a job closing at this instant sees this proposal (and refunds it).
    const job = await getJobForHiring(tx, jobId, { lock: true });
    if (!job || !(await canFreelancerSeeJob(tx, jobId, actor.userId))) throw notFound('Job');
    if (job.clientId === actor.userId) throw invalidField('jobId', 'You cannot send a proposal to your own job.');
    if (job.state !== 'open') {
      throw new AppError('invalid_state', {
        userMessage: `This job is ${job.state}; it no longer takes proposals.`,
        fields: [{ field: 'state', message: `The job is ${job.state}.` }],
      });
    }
    const bid = bidColumns(job, input.bid);
    const answers = screeningAnswers(job, input.answers);
    const invited = await isInvited(tx, jobId, actor.userId);
    const cost = invited ? 0 : connectsForJob(job);
    const summary = (await getFreelancerSummaries(tx, [actor.userId])).get(actor.userId);
    const now = ctx.clock.now();
    const id = newId();
    const [inserted] = await tx
      .insert(proposals)
      .values({
        id,
        jobId,
        freelancerId: actor.userId,
        clientId: job.clientId,
        state: 'submitted',
        coverLetter: input.coverLetter,
        ...bid,
        currency: job.currency,
        estimatedDuration: input.estimatedDuration,
        answers,
        attachmentIds: input.attachmentIds,
        connectsSpent: cost,
        invited,
        matchScore: matchScore(job, summary?.skills.map((skill) => skill.id) ?? [], bid.bidCents),
        createdAt: now,
        updatedAt: now,
        stateChangedAt: now,
      })
      .onConflictDoNothing({ target: [proposals.jobId, proposals.freelancerId] })
      .returning();
    if (!inserted) {
      throw new AppError('already_exists', {
        userMessage: 'You already sent a proposal for this job; edit it instead.',
        fields: [{ field: 'jobId', message: 'One proposal per job.' }],
      });
    }
    let saved = inserted;
    if (cost > 0) {
      const spend = await spendConnects(tx, {
        userId: actor.userId,
        amount: cost,
        proposalId: id,
        jobId,
        memo: `Proposal for "${job.title}"`.slice(0, 300),
        at: now,
      });
      const [withSpend] = await tx
        .update(proposals)
        .set({ connectsEntryId: spend.entryId })
        .where(eq(proposals.id, id))
        .returning();
      saved = withSpend ?? inserted;
    }
    for (const [index, fileId] of input.attachmentIds.entries()) {
      await attachFile(tx, {
        fileId,
        ownerKind: PROPOSAL_FILE_KIND,
        ownerId: id,
        uploadedBy: actor.userId,
        field: `attachmentIds.${index}`,
      });
    }
    await adjustJobCounters(tx, jobId, { proposals: 1 });
    await notify(tx, ctx.clock, {
      userId: job.clientId,
      kind: 'proposal.received',
      title: `New proposal from ${summary?.name ?? 'a freelancer'}: ${job.title}`,
      link: `/jobs/${jobId}/proposals/${id}`,
    });
    return saved;
  });
  return viewProposal(ctx.db, row, { userId: actor.userId, now: ctx.clock.now() });
}
