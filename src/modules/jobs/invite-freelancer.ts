import { AppError, invalidField } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Ctx } from '../../server/context.ts';
import { notify } from '../notifications/notify.ts';
import { getClientSummaries, getFreelancerSummaries } from '../profiles/summaries.ts';
import { actingAsClient } from './access.ts';
import { adjustJobCounters } from './adjust-job-counters.ts';
import { lockOwnJob } from './job-rows.ts';
import type { InvitationView } from './list-invitations.ts';
import type { InviteFreelancerInput } from './schemas.ts';
import { jobInvitations } from './tables.ts';

/**
 * POST /api/jobs/:id/invitations: the client invites a freelancer to an open job. The
 * invitation lets the freelancer see the job even when it is invite-only, counts in "invites
 * sent", and notifies them.
 */
export async function inviteFreelancer(ctx: Ctx, jobId: string, input: InviteFreelancerInput): Promise<InvitationView> {
  const actor = actingAsClient(ctx);
  return ctx.tx(async (tx) => {
    const job = await lockOwnJob(tx, actor, jobId);
    if (job.state !== 'open') {
      throw new AppError('invalid_state', {
        userMessage: `This job is ${job.state}; freelancers can be invited to open jobs only.`,
        fields: [{ field: 'state', message: `The job is ${job.state}.` }],
      });
    }
    if (input.freelancerId === actor.userId) throw invalidField('freelancerId', 'You cannot invite yourself.');
    const freelancer = (await getFreelancerSummaries(tx, [input.freelancerId])).get(input.freelancerId);
    if (!freelancer) throw invalidField('freelancerId', 'There is no freelancer with this id.');

    const now = ctx.clock.now();
    const [row] = await tx
      .insert(jobInvitations)
      .values({
        id: newId(),
        jobId: job.id,
        freelancerId: input.freelancerId,
        invitedBy: actor.userId,
        message: input.message,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      throw new AppError('already_exists', { userMessage: `${freelancer.name} is already invited to this job.` });
    }
    await adjustJobCounters(tx, job.id, { invitesSent: 1 });
    const clientName = (await getClientSummaries(tx, [actor.userId])).get(actor.userId)?.name ?? 'A client';
    await notify(tx, ctx.clock, {
      userId: input.freelancerId,
      kind: 'job.invitation',
      title: `${clientName} invited you to apply: ${job.title}`,
      body: input.message,
      link: `/jobs/${job.id}`,
    });
    return {
      id: row.id,
      job: { ...job },
      freelancerId: row.freelancerId,
      client: { userId: actor.userId, name: clientName },
      message: row.message,
      createdAt: row.createdAt,
    };
  });
}
