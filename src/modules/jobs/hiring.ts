import type { Executor } from '../../db/client.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { closeJobRow } from './close-job.ts';
import { findJob, type JobRow } from './job-rows.ts';
import type { ExperienceLevel, JobDuration, JobState, JobType, Visibility } from './limits.ts';
import type { Deliverable, JobSkill } from './tables.ts';

/** What the proposals module needs to know about a job to take proposals, price Connects and make offers. */
export interface JobForHiring {
  id: string;
  clientId: string;
  state: JobState;
  title: string;
  description: string;
  deliverables: Deliverable[];
  categoryId: string;
  skills: JobSkill[];
  type: JobType;
  currency: string;
  budgetCents: number | null;
  hourlyMinCents: number | null;
  hourlyMaxCents: number | null;
  hoursPerWeek: number | null;
  duration: JobDuration | null;
  experienceLevel: ExperienceLevel;
  visibility: Visibility;
  screeningQuestions: string[];
  counters: { proposals: number; interviewing: number; invitesSent: number; hires: number };
  publishedAt: Date | null;
  closedAt: Date | null;
}

export function toJobForHiring(job: JobRow): JobForHiring {
  return {
    id: job.id,
    clientId: job.clientId,
    state: job.state as JobState,
    title: job.title,
    description: job.description,
    deliverables: job.deliverables,
    categoryId: job.categoryId,
    skills: job.skills,
    type: job.type as JobType,
    currency: job.currency,
    budgetCents: job.budgetCents,
    hourlyMinCents: job.hourlyMinCents,
    hourlyMaxCents: job.hourlyMaxCents,
    hoursPerWeek: job.hoursPerWeek,
    duration: job.duration as JobDuration | null,
    experienceLevel: job.experienceLevel as ExperienceLevel,
    visibility: job.visibility as Visibility,
    screeningQuestions: job.screeningQuestions,
    counters: {
      proposals: job.proposalsCount,
      interviewing: job.interviewingCount,
      invitesSent: job.invitesSentCount,
      hires: job.hiresCount,
    },
    publishedAt: job.publishedAt,
    closedAt: job.closedAt,
  };
}

/**
 * The job with everything hiring needs, or null when it does not exist. No access check: the
 * caller decides who may see it (`canFreelancerSeeJob`, or `clientId` for the owner). Pass
 * `lock: true` inside a transaction to hold the row (e.g. while taking a proposal).
 */
export async function getJobForHiring(
  executor: Executor,
  jobId: string,
  options: { lock?: boolean } = {},
): Promise<JobForHiring | null> {
  const job = await findJob(executor, jobId, options);
  return job ? toJobForHiring(job) : null;
}

/**
 * Closes an open job as hired, after an offer was accepted (call `adjustJobCounters(tx, jobId,
 * { hires: 1 })` first; a job with no hire cannot close as hired). Listeners of `onJobClosed` run
 * in the same transaction.
 */
export async function closeJobAsHired(
  tx: Tx,
  clock: Clock,
  input: { jobId: string; note?: string | null },
): Promise<JobForHiring> {
  const job = await findJob(tx, input.jobId, { lock: true });
  if (!job) throw notFound('Job');
  if (job.hiresCount === 0) {
    throw new AppError('invalid_state', { userMessage: 'Nobody was hired for this job; it cannot close as hired.' });
  }
  return toJobForHiring(await closeJobRow(tx, clock, job, { reason: 'hired', note: input.note ?? null }));
}
