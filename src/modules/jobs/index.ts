/**
 * What other modules use from jobs (the proposals module: take proposals on a job, keep its
 * counters, close it as hired, and hear when a client closes it).
 */
export { adjustJobCounters, type JobCounterDeltas, type JobCounters } from './adjust-job-counters.ts';
export { type ClientCard, getClientCard } from './client-card.ts';
export { refreshClientFacts } from './client-facts.ts';
export { type ClientHiringStats, getClientHiringStats } from './client-hiring-stats.ts';
export { closeJobAsHired, getJobForHiring, type JobForHiring } from './hiring.ts';
export { type JobClosedEvent, type JobClosedListener, onJobClosed } from './job-events.ts';
export { JOB_FILE_KIND } from './job-files.ts';
export { type JobDuration, type JobType, jobDurations, jobLimits, jobTypes, proposalRangeOf } from './limits.ts';
export { jobsModule } from './module.ts';
export { canFreelancerSeeJob, isInvited } from './visibility.ts';
