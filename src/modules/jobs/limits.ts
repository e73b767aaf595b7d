/** Input limits for job posts, shared by the request schemas, the services and the verify checks. */
export const jobLimits = {
  titleMin: 10,
  titleMax: 120,
  descriptionMin: 50,
  descriptionMax: 10_000,
  deliverablesMin: 1,
  deliverablesMax: 20,
  deliverableTitleMin: 3,
  deliverableTitleMax: 200,
  acceptanceCriteriaMin: 10,
  acceptanceCriteriaMax: 2000,
  skillsMin: 1,
  skillsMax: 15,
  // $5: the smallest fixed-price budget (and milestone) the marketplace accepts.
  budgetMinCents: 500,
  // $1,000,000: catches a budget typed in cents twice without limiting real projects.
  budgetMaxCents: 100_000_000,
  // The same bounds as a freelancer's profile rate ($3 to $999 an hour).
  hourlyMinCents: 300,
  hourlyMaxCents: 99_900,
  hoursPerWeekMin: 1,
  hoursPerWeekMax: 80,
  screeningQuestionsMax: 5,
  screeningQuestionMax: 500,
  attachmentsMax: 10,
  closeNoteMax: 1000,
  invitationMessageMax: 2000,
  savedSearchesMax: 20,
  savedSearchNameMax: 80,
  searchQueryMax: 200,
} as const;

export const jobTypes = ['fixed', 'hourly'] as const;
export type JobType = (typeof jobTypes)[number];

export const jobDurations = ['less_than_1_month', '1_to_3_months', '3_to_6_months', 'more_than_6_months'] as const;
export type JobDuration = (typeof jobDurations)[number];

export const experienceLevels = ['entry', 'intermediate', 'expert'] as const;
export type ExperienceLevel = (typeof experienceLevels)[number];

export const visibilities = ['public', 'invite_only'] as const;
export type Visibility = (typeof visibilities)[number];

export const jobStates = ['draft', 'open', 'closed'] as const;
export type JobState = (typeof jobStates)[number];

export const closeReasons = ['hired', 'cancelled'] as const;
export type CloseReason = (typeof closeReasons)[number];

/** Proposal counts are shown to freelancers in ranges, as on the large marketplaces. */
export const proposalRanges = [
  { key: 'lt5', label: 'Less than 5', min: 0, max: 4 },
  { key: '5to10', label: '5 to 10', min: 5, max: 9 },
  { key: '10to15', label: '10 to 15', min: 10, max: 14 },
  { key: '15to20', label: '15 to 20', min: 15, max: 19 },
  { key: '20to50', label: '20 to 50', min: 20, max: 49 },
  { key: '50plus', label: '50+', min: 50, max: null },
] as const;
export type ProposalRangeKey = (typeof proposalRanges)[number]['key'];
export const proposalRangeKeys = proposalRanges.map((range) => range.key) as [ProposalRangeKey, ...ProposalRangeKey[]];

export function proposalRangeOf(count: number): (typeof proposalRanges)[number] {
  return proposalRanges.find((range) => range.max === null || count <= range.max) ?? proposalRanges[0];
}

/** Jobs are priced in the currencies the payments module can charge. */
export { SUPPORTED_CURRENCIES as jobCurrencies } from '../payments/index.ts';
