import { z } from 'zod';
import { jobDurations, jobTypes } from '../jobs/index.ts';
import { cleanLine, cleanText } from '../profiles/text.ts';
import { proposalLimits as limits, PROPOSAL_STATES } from './limits.ts';

const lengthRule = (min: number, max: number) =>
  z
    .string()
    .min(min, min === 1 ? 'This field is required.' : `Use at least ${min} characters.`)
    .max(max, `Use at most ${max} characters.`);
const line = (min: number, max: number) => z.string().transform(cleanLine).pipe(lengthRule(min, max));
const paragraphs = (min: number, max: number) => z.string().transform(cleanText).pipe(lengthRule(min, max));
const cents = (min: number, max: number, what: string) =>
  z
    .number()
    .int('Use whole cents.')
    .min(min, `${what} must be at least ${(min / 100).toFixed(2)}.`)
    .max(max, `${what} must be at most ${(max / 100).toFixed(2)}.`);
const isoDate = z.iso.date('Use a date like 2026-12-31.');
const unique = <T>(list: T[]) => new Set(list).size === list.length;

export const ProposedMilestoneSchema = z
  .object({
    title: line(limits.milestoneTitleMin, limits.milestoneTitleMax),
    amountCents: cents(limits.milestoneMinCents, limits.fixedMaxCents, 'A milestone'),
    dueDate: isoDate
      .nullable()
      .optional()
      .transform((value) => value ?? null),
  })
  .meta({ id: 'ProposedMilestone' });

const HourlyBid = z.object({
  type: z.literal('hourly'),
  hourlyRateCents: cents(limits.hourlyRateMinCents, limits.hourlyRateMaxCents, 'The hourly rate'),
});
const FixedBid = z
  .object({
    type: z.literal('fixed'),
    amountCents: cents(limits.fixedMinCents, limits.fixedMaxCents, 'The amount'),
    milestones: z
      .array(ProposedMilestoneSchema)
      .max(limits.milestonesMax, `Propose at most ${limits.milestonesMax} milestones.`)
      .default([]),
  })
  .superRefine((bid, issues) => {
    if (bid.milestones.length === 0) return;
    const sum = bid.milestones.reduce((total, milestone) => total + milestone.amountCents, 0);
    if (sum !== bid.amountCents) {
      issues.addIssue({
        code: 'custom',
        path: ['milestones'],
        message: `The milestones add up to ${(sum / 100).toFixed(2)}, not the amount ${(bid.amountCents / 100).toFixed(2)}.`,
      });
    }
  });

export const BidSchema = z
  .discriminatedUnion('type', [HourlyBid, FixedBid])
  .describe('hourly: your rate; fixed: the whole amount, optionally split into milestones that add up to it')
  .meta({ id: 'ProposalBid' });
export type BidInput = z.output<typeof BidSchema>;

const coverLetter = paragraphs(limits.coverLetterMin, limits.coverLetterMax);
const answers = z
  .array(paragraphs(1, limits.answerMax))
  .max(5, 'Answer each screening question once.')
  .describe("Answers to the job's screening questions, in their order");
const attachmentIds = z
  .array(z.uuid())
  .max(limits.attachmentsMax, `Attach at most ${limits.attachmentsMax} files.`)
  .refine(unique, 'Each file may be attached once.')
  .describe('Files you uploaded with purpose "proposal"');

export const SubmitProposalRequest = z
  .object({
    coverLetter,
    bid: BidSchema,
    estimatedDuration: z.enum(jobDurations),
    answers: answers.default([]),
    attachmentIds: attachmentIds.default([]),
  })
  .meta({ id: 'SubmitProposalRequest' });
export type SubmitProposalInput = z.output<typeof SubmitProposalRequest>;

export const UpdateProposalRequest = z
  .object({
    coverLetter: coverLetter.optional(),
    bid: BidSchema.optional(),
    estimatedDuration: z.enum(jobDurations).optional(),
    answers: answers.optional(),
    attachmentIds: attachmentIds.optional().describe('Replaces the attached files'),
  })
  .meta({ id: 'UpdateProposalRequest' });
export type UpdateProposalInput = z.output<typeof UpdateProposalRequest>;

export const DeclineProposalRequest = z
  .object({ reason: paragraphs(1, limits.declineReasonMax).describe('Shown to the freelancer') })
  .meta({ id: 'DeclineProposalRequest' });
export const InterviewRequest = z
  .object({ message: paragraphs(1, limits.interviewMessageMax).describe('The first message of the interview thread') })
  .meta({ id: 'InterviewRequest' });
export const ProposalMessageRequest = z
  .object({ text: paragraphs(1, limits.interviewMessageMax) })
  .meta({ id: 'ProposalMessageRequest' });

export const ProposalParams = z.object({ id: z.uuid() });
export const JobProposalsParams = z.object({ jobId: z.uuid() });

export const PROPOSAL_SORTS = ['newest', 'bid_low', 'bid_high', 'best_match'] as const;
export type ProposalSort = (typeof PROPOSAL_SORTS)[number];

export const JobProposalsQuery = z.object({
  sort: z.enum(PROPOSAL_SORTS).default('newest'),
  state: z.enum(PROPOSAL_STATES).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const MyProposalsQuery = z.object({
  state: z.enum(PROPOSAL_STATES).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

// ---- responses -------------------------------------------------------------------------------

const SkillResponse = z.object({ id: z.uuid(), slug: z.string(), name: z.string() });

export const ProposalFeesResponse = z
  .object({
    basis: z.enum(['hour', 'project']).describe('The bid is per hour (hourly jobs) or for the whole project'),
    currency: z.string(),
    grossCents: z.number().int(),
    serviceFeeCents: z.number().int(),
    youReceiveCents: z.number().int().describe('What you would receive after the service fee'),
    scheduleVersion: z.number().int(),
  })
  .meta({ id: 'ProposalFees' });

export const ProposalResponse = z
  .object({
    id: z.uuid(),
    state: z.enum(PROPOSAL_STATES),
    job: z.object({ id: z.uuid(), title: z.string(), type: z.enum(jobTypes), state: z.string(), clientId: z.uuid() }),
    freelancer: z.object({
      userId: z.uuid(),
      name: z.string(),
      title: z.string(),
      hourlyRateCents: z.number().int().nullable(),
      country: z.string().nullable(),
      skills: z.array(SkillResponse),
    }),
    coverLetter: z.string(),
    bid: z.object({
      type: z.enum(jobTypes),
      amountCents: z.number().int().describe('The hourly rate, or the fixed amount'),
      currency: z.string(),
      milestones: z.array(
        z.object({ title: z.string(), amountCents: z.number().int(), dueDate: z.string().nullable() }),
      ),
    }),
    estimatedDuration: z.enum(jobDurations),
    answers: z.array(z.object({ question: z.string(), answer: z.string() })),
    attachments: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        contentType: z.string(),
        sizeBytes: z.number().int(),
        url: z.string(),
      }),
    ),
    connectsSpent: z.number().int(),
    invited: z.boolean().describe('Sent in answer to an invitation (free of Connects)'),
    matchScore: z.number().int().describe('0..100: skill overlap with the job, then rate fit'),
    declineReason: z.string().nullable(),
    threadId: z.uuid().nullable().describe('The conversation with the client, once the client opened it'),
    pendingOfferId: z.uuid().nullable(),
    fees: ProposalFeesResponse.nullable().describe('Shown to the freelancer only'),
    youReceiveCents: z.number().int().nullable().describe('Shown to the freelancer only: fees.youReceiveCents'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Proposal' });

export const ProposalListResponse = z
  .object({ items: z.array(ProposalResponse), nextCursor: z.string().nullable() })
  .meta({ id: 'ProposalList' });
