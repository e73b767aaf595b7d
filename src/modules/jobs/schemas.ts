import { z } from 'zod';
import { cleanLine, cleanText } from '../profiles/text.ts';
import { clientHiringRecordFields } from './client-hiring-record-schema.ts';
import {
  closeReasons,
  experienceLevels,
  jobCurrencies,
  jobDurations,
  jobStates,
  jobTypes,
  jobLimits as limits,
  proposalRangeKeys,
  visibilities,
} from './limits.ts';

// ---- reusable input fields -------------------------------------------------------------------

const lengthRule = (min: number, max: number) =>
  z
    .string()
    .min(min, min === 1 ? 'This field is required.' : `Use at least ${min} characters.`)
    .max(max, `Use at most ${max} characters.`);

/** One line of text, cleaned (control characters, runs of spaces), then held to its limits. */
const line = (min: number, max: number) => z.string().transform(cleanLine).pipe(lengthRule(min, max));

/** Multi-line text, cleaned, then held to its limits. */
const paragraphs = (min: number, max: number) => z.string().transform(cleanText).pipe(lengthRule(min, max));

const unique = <T>(list: T[]) => new Set(list).size === list.length;

const cents = (min: number, max: number, what: string) =>
  z
    .number()
    .int('Use whole cents.')
    .min(min, `${what} must be at least ${(min / 100).toFixed(2)}.`)
    .max(max, `${what} must be at most ${(max / 100).toFixed(2)}.`);

export const DeliverableSchema = z
  .object({
    title: line(limits.deliverableTitleMin, limits.deliverableTitleMax),
    acceptanceCriteria: paragraphs(limits.acceptanceCriteriaMin, limits.acceptanceCriteriaMax).describe(
      'How the client will decide the deliverable is done',
    ),
  })
  .meta({ id: 'Deliverable' });

/** Every field of a job post; each is optional here, the create request makes them required. */
const jobFields = {
  title: line(limits.titleMin, limits.titleMax),
  description: paragraphs(limits.descriptionMin, limits.descriptionMax).describe(
    'The scope: what the work is, what is in and what is out',
  ),
  deliverables: z
    .array(DeliverableSchema)
    .min(limits.deliverablesMin, 'List at least one deliverable.')
    .max(limits.deliverablesMax, `List at most ${limits.deliverablesMax} deliverables.`),
  categoryId: z.uuid().describe('A category of the skills taxonomy (GET /api/taxonomy)'),
  skillIds: z
    .array(z.uuid())
    .min(limits.skillsMin, 'Choose at least one skill.')
    .max(limits.skillsMax, `Choose at most ${limits.skillsMax} skills.`)
    .refine(unique, 'Each skill may be chosen once.')
    .describe('In display order'),
  type: z.enum(jobTypes),
  currency: z.enum(jobCurrencies),
  budgetCents: cents(limits.budgetMinCents, limits.budgetMaxCents, 'The budget')
    .nullable()
    .describe('Fixed price: the budget in cents'),
  hourlyMinCents: cents(limits.hourlyMinCents, limits.hourlyMaxCents, 'The hourly rate')
    .nullable()
    .describe('Hourly: lowest rate in cents'),
  hourlyMaxCents: cents(limits.hourlyMinCents, limits.hourlyMaxCents, 'The hourly rate')
    .nullable()
    .describe('Hourly: highest rate in cents'),
  hoursPerWeek: z
    .number()
    .int('Use whole hours.')
    .min(limits.hoursPerWeekMin, `Use at least ${limits.hoursPerWeekMin} hour.`)
    .max(limits.hoursPerWeekMax, `Use at most ${limits.hoursPerWeekMax} hours.`)
    .nullable()
    .describe('Hourly: expected hours per week'),
  duration: z.enum(jobDurations).nullable().describe('Hourly: expected duration'),
  experienceLevel: z.enum(experienceLevels),
  visibility: z.enum(visibilities).describe('invite_only jobs are seen only by invited freelancers'),
  screeningQuestions: z
    .array(line(1, limits.screeningQuestionMax))
    .max(limits.screeningQuestionsMax, `Ask at most ${limits.screeningQuestionsMax} questions.`),
  attachmentIds: z
    .array(z.uuid())
    .max(limits.attachmentsMax, `Attach at most ${limits.attachmentsMax} files.`)
    .refine(unique, 'Each file may be attached once.')
    .describe('Files you uploaded with purpose "job"'),
};

// ---- requests --------------------------------------------------------------------------------

export const JobParams = z.object({ id: z.uuid() });

export const CreateJobRequest = z
  .object({
    ...jobFields,
    currency: jobFields.currency.default('USD'),
    budgetCents: jobFields.budgetCents.optional().transform((value) => value ?? null),
    hourlyMinCents: jobFields.hourlyMinCents.optional().transform((value) => value ?? null),
    hourlyMaxCents: jobFields.hourlyMaxCents.optional().transform((value) => value ?? null),
    hoursPerWeek: jobFields.hoursPerWeek.optional().transform((value) => value ?? null),
    duration: jobFields.duration.optional().transform((value) => value ?? null),
    visibility: jobFields.visibility.default('public'),
    screeningQuestions: jobFields.screeningQuestions.default([]),
    attachmentIds: jobFields.attachmentIds.default([]),
    publish: z.boolean().default(false).describe('Publish at once instead of saving a draft'),
  })
  .meta({ id: 'CreateJobRequest' });
export type CreateJobInput = z.output<typeof CreateJobRequest>;
export type JobFieldsInput = Omit<CreateJobInput, 'publish'>;

export const UpdateJobRequest = z
  .object({
    title: jobFields.title.optional(),
    description: jobFields.description.optional(),
    deliverables: jobFields.deliverables.optional(),
    categoryId: jobFields.categoryId.optional(),
    skillIds: jobFields.skillIds.optional(),
    type: jobFields.type.optional(),
    currency: jobFields.currency.optional(),
    budgetCents: jobFields.budgetCents.optional(),
    hourlyMinCents: jobFields.hourlyMinCents.optional(),
    hourlyMaxCents: jobFields.hourlyMaxCents.optional(),
    hoursPerWeek: jobFields.hoursPerWeek.optional(),
    duration: jobFields.duration.optional(),
    experienceLevel: jobFields.experienceLevel.optional(),
    visibility: jobFields.visibility.optional(),
    screeningQuestions: jobFields.screeningQuestions.optional(),
    attachmentIds: jobFields.attachmentIds.optional().describe('Replaces the attached files'),
  })
  .meta({ id: 'UpdateJobRequest' });
export type UpdateJobInput = z.output<typeof UpdateJobRequest>;

export const CloseJobRequest = z
  .object({
    reason: z.enum(closeReasons).describe('hired only when someone was hired for it'),
    note: paragraphs(0, limits.closeNoteMax).default('').describe('Required when cancelling: why'),
  })
  .meta({ id: 'CloseJobRequest' });
export type CloseJobInput = z.output<typeof CloseJobRequest>;

export const InviteFreelancerRequest = z
  .object({
    freelancerId: z.uuid(),
    message: paragraphs(1, limits.invitationMessageMax),
  })
  .meta({ id: 'InviteFreelancerRequest' });
export type InviteFreelancerInput = z.output<typeof InviteFreelancerRequest>;

export const PageQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

// ---- responses -------------------------------------------------------------------------------

const SkillView = z.object({ id: z.uuid(), slug: z.string(), name: z.string() });
const CategoryView = z.object({ id: z.uuid(), slug: z.string(), name: z.string() }).meta({ id: 'JobCategory' });
const Location = z.object({ country: z.string().nullable(), city: z.string().nullable() });

export const JobTermsResponse = z
  .object({
    type: z.enum(jobTypes),
    currency: z.string(),
    budgetCents: z.number().int().nullable(),
    hourlyMinCents: z.number().int().nullable(),
    hourlyMaxCents: z.number().int().nullable(),
    hoursPerWeek: z.number().int().nullable(),
    duration: z.enum(jobDurations).nullable(),
    experienceLevel: z.enum(experienceLevels),
  })
  .meta({ id: 'JobTerms' });

export const JobResponse = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    state: z.enum(jobStates),
    title: z.string(),
    description: z.string(),
    deliverables: z.array(z.object({ title: z.string(), acceptanceCriteria: z.string() })),
    category: CategoryView,
    skills: z.array(SkillView),
    terms: JobTermsResponse,
    visibility: z.enum(visibilities),
    screeningQuestions: z.array(z.string()),
    attachments: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        contentType: z.string(),
        sizeBytes: z.number().int(),
        url: z.string(),
      }),
    ),
    closeReason: z.enum(closeReasons).nullable(),
    closeNote: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    publishedAt: z.iso.datetime().nullable(),
    closedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Job' });

export const JobCountersResponse = z
  .object({
    proposals: z.number().int(),
    interviewing: z.number().int(),
    invitesSent: z.number().int(),
    hires: z.number().int(),
  })
  .meta({ id: 'JobCounters' });

export const ClientCardResponse = z
  .object({
    userId: z.uuid(),
    name: z.string(),
    company: z.string().nullable(),
    location: Location,
    memberSince: z.iso.datetime(),
    lastActiveAt: z.iso.datetime().nullable(),
    ...clientHiringRecordFields,
  })
  .meta({ id: 'JobClientCard' });

export const JobPageResponse = z
  .object({
    job: JobResponse,
    client: ClientCardResponse,
    activity: z.object({
      proposals: z.string().describe('A range, e.g. "10 to 15"'),
      proposalsRange: z.enum(proposalRangeKeys),
      interviewing: z.number().int(),
      invitesSent: z.number().int(),
      postedAt: z.iso.datetime().nullable(),
    }),
    viewer: z.object({ isOwner: z.boolean(), invited: z.boolean() }),
    counters: JobCountersResponse.nullable().describe('Exact counts, for the owner only'),
  })
  .meta({ id: 'JobPage' });

export const MyJobResponse = z
  .object({
    id: z.uuid(),
    title: z.string(),
    state: z.enum(jobStates),
    visibility: z.enum(visibilities),
    terms: JobTermsResponse,
    counters: JobCountersResponse,
    closeReason: z.enum(closeReasons).nullable(),
    createdAt: z.iso.datetime(),
    publishedAt: z.iso.datetime().nullable(),
    closedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'MyJob' });

export const MyJobsResponse = z
  .object({ items: z.array(MyJobResponse), nextCursor: z.string().nullable() })
  .meta({ id: 'MyJobs' });

export const JobHistoryResponse = z
  .object({
    items: z.array(
      z
        .object({
          id: z.uuid(),
          editedBy: z.object({ userId: z.uuid(), name: z.string() }),
          editedAt: z.iso.datetime(),
          changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
        })
        .meta({ id: 'JobEdit' }),
    ),
  })
  .meta({ id: 'JobHistory' });

export const InvitationResponse = z
  .object({
    id: z.uuid(),
    job: z.object({ id: z.uuid(), title: z.string(), state: z.enum(jobStates), terms: JobTermsResponse }),
    freelancerId: z.uuid(),
    client: z.object({ userId: z.uuid(), name: z.string() }),
    message: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Invitation' });

export const InvitationListResponse = z
  .object({ items: z.array(InvitationResponse), nextCursor: z.string().nullable() })
  .meta({ id: 'InvitationList' });
