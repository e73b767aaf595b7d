import { z } from 'zod';
import { cleanLine, cleanText } from '../profiles/text.ts';
import { offerLimits as limits, OFFER_STATES } from './limits.ts';

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

const DeliverableInput = z.object({
  title: line(limits.deliverableTitleMin, limits.deliverableTitleMax),
  acceptanceCriteria: paragraphs(limits.acceptanceCriteriaMin, limits.acceptanceCriteriaMax),
});

const MilestoneInput = z.object({
  title: line(limits.milestoneTitleMin, limits.milestoneTitleMax),
  description: paragraphs(0, limits.milestoneDescriptionMax).default(''),
  amountCents: cents(limits.milestoneMinCents, limits.totalMaxCents, 'A milestone'),
  dueDate: isoDate,
  acceptanceCriteria: paragraphs(limits.acceptanceCriteriaMin, limits.acceptanceCriteriaMax),
});

const HourlyTerms = z.object({
  type: z.literal('hourly'),
  hourlyRateCents: cents(limits.hourlyRateMinCents, limits.hourlyRateMaxCents, 'The hourly rate'),
  weeklyLimitHours: z
    .number()
    .int('Use whole hours.')
    .min(limits.weeklyLimitMin, `Allow at least ${limits.weeklyLimitMin} hour a week.`)
    .max(limits.weeklyLimitMax, `Allow at most ${limits.weeklyLimitMax} hours a week.`),
  manualTimeAllowed: z.boolean().default(false),
});

const FixedTerms = z
  .object({
    type: z.literal('fixed'),
    totalCents: cents(limits.milestoneMinCents, limits.totalMaxCents, 'The total'),
    milestones: z
      .array(MilestoneInput)
      .min(limits.milestonesMin, 'Add at least one milestone.')
      .max(limits.milestonesMax, `Use at most ${limits.milestonesMax} milestones.`),
    fund: z
      .enum(['first', 'all'])
      .default('first')
      .describe('Fund the first milestone, or all of them, into escrow when sending'),
  })
  .superRefine((terms, issues) => {
    const sum = terms.milestones.reduce((total, milestone) => total + milestone.amountCents, 0);
    if (sum !== terms.totalCents) {
      issues.addIssue({
        code: 'custom',
        path: ['milestones'],
        message: `The milestones add up to ${(sum / 100).toFixed(2)}, not the total ${(terms.totalCents / 100).toFixed(2)}.`,
      });
    }
  });

export const OfferTermsInput = z.discriminatedUnion('type', [HourlyTerms, FixedTerms]).meta({ id: 'OfferTermsInput' });

export const SendOfferRequest = z
  .object({
    proposalId: z.uuid().optional().describe('Make the offer from this proposal (its freelancer and job)'),
    freelancerId: z.uuid().optional().describe('Or offer directly to this freelancer'),
    jobId: z.uuid().optional().describe('The job the offer is for (optional for direct offers)'),
    title: line(limits.titleMin, limits.titleMax).describe('The contract title'),
    description: paragraphs(limits.descriptionMin, limits.descriptionMax).describe('The agreed scope'),
    deliverables: z
      .array(DeliverableInput)
      .max(limits.deliverablesMax, `List at most ${limits.deliverablesMax} deliverables.`)
      .default([]),
    terms: OfferTermsInput,
    startDate: isoDate,
    expiresAt: z.iso.datetime().optional().describe('Defaults to 7 days from now'),
    keepJobOpen: z.boolean().default(false).describe('Keep the job open to hire more freelancers'),
    message: paragraphs(0, limits.messageMax).default('').describe('A note to the freelancer'),
    billingMethodId: z
      .uuid()
      .optional()
      .describe('Charged for what your funds do not cover (default method otherwise)'),
  })
  .meta({ id: 'SendOfferRequest' });
export type SendOfferInput = z.output<typeof SendOfferRequest>;

export const DeclineOfferRequest = z
  .object({ reason: paragraphs(1, limits.declineReasonMax).describe('Shown to the client') })
  .meta({ id: 'DeclineOfferRequest' });

export const OfferParams = z.object({ id: z.uuid() });
export const OfferListQuery = z.object({
  role: z.enum(['client', 'freelancer']).optional(),
  state: z.enum(OFFER_STATES).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

// ---- responses -------------------------------------------------------------------------------

export const OfferFeesResponse = z
  .object({
    currency: z.string(),
    scheduleVersion: z.number().int(),
    basis: z.enum(['total', 'hour']).describe('Fixed price: the whole contract; hourly: one hour at the rate'),
    amountCents: z.number().int(),
    client: z.object({
      marketplaceFeeCents: z.number().int(),
      totalCents: z.number().int().describe('What the client pays: the amount plus the marketplace fee'),
    }),
    freelancer: z.object({
      serviceFeeCents: z.number().int(),
      netCents: z.number().int().describe('What the freelancer receives'),
    }),
    weeklyLimit: z
      .object({
        hours: z.number().int(),
        clientMaxCents: z.number().int().describe('The most a full week costs the client, fee included'),
        freelancerMaxNetCents: z.number().int(),
      })
      .nullable(),
  })
  .meta({ id: 'OfferFees' });

const Party = z.object({ userId: z.uuid(), name: z.string() });

export const OfferResponse = z
  .object({
    id: z.uuid(),
    state: z.enum(OFFER_STATES),
    client: Party,
    freelancer: Party,
    job: z.object({ id: z.uuid(), title: z.string() }).nullable(),
    proposalId: z.uuid().nullable(),
    contractId: z.uuid().nullable().describe('Once accepted'),
    title: z.string(),
    description: z.string(),
    deliverables: z.array(z.object({ title: z.string(), acceptanceCriteria: z.string() })),
    type: z.enum(['hourly', 'fixed']),
    currency: z.string(),
    hourly: z
      .object({ rateCents: z.number().int(), weeklyLimitHours: z.number().int(), manualTimeAllowed: z.boolean() })
      .nullable(),
    fixed: z
      .object({
        totalCents: z.number().int(),
        milestones: z.array(
          z.object({
            id: z.uuid(),
            title: z.string(),
            description: z.string(),
            amountCents: z.number().int(),
            dueDate: z.string(),
            acceptanceCriteria: z.string(),
            funded: z.boolean(),
          }),
        ),
      })
      .nullable(),
    funding: z.object({
      fundedCents: z.number().int().describe('Held in escrow for this offer'),
      clientFeeCents: z.number().int(),
      paidCents: z.number().int().describe('What the funding cost the client: funded + fee'),
      escrowBalanceCents: z.number().int(),
    }),
    fees: OfferFeesResponse,
    startDate: z.string(),
    expiresAt: z.iso.datetime(),
    keepJobOpen: z.boolean(),
    message: z.string(),
    declineReason: z.string().nullable(),
    createdAt: z.iso.datetime(),
    respondedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Offer' });

export const OfferListResponse = z
  .object({ items: z.array(OfferResponse), nextCursor: z.string().nullable() })
  .meta({ id: 'OfferList' });
