import { jobLimits } from '../jobs/index.ts';

/** Input limits for proposals, shared by the request schemas and the services. */
export const proposalLimits = {
  coverLetterMin: 50,
  coverLetterMax: 5000,
  // The same bounds as a job's rates and budgets.
  hourlyRateMinCents: jobLimits.hourlyMinCents,
  hourlyRateMaxCents: jobLimits.hourlyMaxCents,
  fixedMinCents: jobLimits.budgetMinCents,
  fixedMaxCents: jobLimits.budgetMaxCents,
  milestonesMax: 20,
  milestoneTitleMin: 3,
  milestoneTitleMax: 200,
  // $5: the smallest milestone the marketplace accepts.
  milestoneMinCents: 500,
  answerMax: 5000,
  attachmentsMax: 10,
  declineReasonMax: 1000,
  interviewMessageMax: 5000,
} as const;

export const PROPOSAL_STATES = [
  'submitted',
  'shortlisted',
  'archived',
  'interviewing',
  'declined',
  'withdrawn',
  'hired',
] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

/** Upload purpose (and file owner kind) of proposal attachments. */
export const PROPOSAL_FILE_KIND = 'proposal';
