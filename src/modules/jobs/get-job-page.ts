import { notFound } from '../../platform/errors.ts';
import { type Ctx, hasRole, requireActor } from '../../server/context.ts';
import { type ClientCard, getClientCard } from './client-card.ts';
import { type JobDetails, withDetails } from './job-details.ts';
import { findJob } from './job-rows.ts';
import { canFreelancerSeeJob, isInvited } from './visibility.ts';

export interface JobPage {
  job: JobDetails;
  client: ClientCard;
  viewer: { isOwner: boolean; invited: boolean };
}

/**
 * GET /api/jobs/:id: its client, operators, and freelancers who may see it (public and
 * published, or invited). Everyone else, other clients included, gets a 404.
 */
export async function getJobPage(ctx: Ctx, jobId: string): Promise<JobPage> {
  const actor = requireActor(ctx);
  const job = await findJob(ctx.db, jobId);
  if (!job) throw notFound('Job');
  const isOwner = job.clientId === actor.userId;
  const allowed =
    isOwner ||
    hasRole(actor, 'operator') ||
    (hasRole(actor, 'freelancer') && (await canFreelancerSeeJob(ctx.db, job.id, actor.userId)));
  if (!allowed) throw notFound('Job');
  const [details, client, invited] = await Promise.all([
    withDetails(ctx.db, job),
    getClientCard(ctx.db, job.clientId),
    hasRole(actor, 'freelancer') ? isInvited(ctx.db, job.id, actor.userId) : Promise.resolve(false),
  ]);
  return { job: details, client, viewer: { isOwner, invited } };
}
