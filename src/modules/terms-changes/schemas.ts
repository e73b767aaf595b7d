import { z } from 'zod';
import { ContractTermsResponse } from '../contracts/schemas.ts';
import { cleanLine, cleanText } from '../profiles/text.ts';
import { termsLimits as limits } from './limits.ts';
import { CHANGE_STATES } from './tables.ts';

const lengthRule = (min: number, max: number) =>
  z
    .string()
    .min(min, min === 1 ? 'This field is required.' : `Use at least ${min} characters.`)
    .max(max, `Use at most ${max} characters.`);
const line = (min: number, max: number) => z.string().transform(cleanLine).pipe(lengthRule(min, max));
const paragraphs = (min: number, max: number) => z.string().transform(cleanText).pipe(lengthRule(min, max));
const amount = z
  .number()
  .int('Use whole cents.')
  .min(limits.milestoneMinCents, `A milestone must be at least ${(limits.milestoneMinCents / 100).toFixed(2)}.`)
  .max(limits.milestoneMaxCents, `A milestone must be at most ${(limits.milestoneMaxCents / 100).toFixed(2)}.`);
const isoDate = z.iso.date('Use a date like 2026-12-31.');
const refundEscrow = z
  .boolean()
  .default(false)
  .describe('Needed when the change lowers what a funded milestone holds: the difference goes back to the client');

export const ContractParams = z.object({ id: z.uuid() });
export const ChangeParams = z.object({ id: z.uuid(), changeId: z.uuid() });

const MilestoneAdd = z.object({
  title: line(limits.milestoneTitleMin, limits.milestoneTitleMax),
  description: paragraphs(0, limits.milestoneDescriptionMax).default(''),
  amountCents: amount,
  dueDate: isoDate,
  acceptanceCriteria: paragraphs(limits.acceptanceCriteriaMin, limits.acceptanceCriteriaMax),
});

const MilestoneChange = z.object({
  milestoneId: z.uuid(),
  title: line(limits.milestoneTitleMin, limits.milestoneTitleMax).optional(),
  description: paragraphs(0, limits.milestoneDescriptionMax).optional(),
  amountCents: amount.optional(),
  dueDate: isoDate.optional(),
  acceptanceCriteria: paragraphs(limits.acceptanceCriteriaMin, limits.acceptanceCriteriaMax).optional(),
  refundEscrow,
});

const many = <T extends z.ZodType>(item: T) =>
  z.array(item).max(limits.changesPerRequestMax, `Use at most ${limits.changesPerRequestMax} items.`).default([]);

export const ProposeTermsChangeRequest = z
  .object({
    note: paragraphs(0, limits.noteMax).default('').describe('Why, for the other party'),
    title: line(limits.titleMin, limits.titleMax).optional(),
    description: paragraphs(limits.descriptionMin, limits.descriptionMax).optional().describe('The scope'),
    deliverables: z
      .array(
        z.object({
          title: line(limits.deliverableTitleMin, limits.deliverableTitleMax),
          acceptanceCriteria: paragraphs(limits.acceptanceCriteriaMin, limits.acceptanceCriteriaMax),
        }),
      )
      .max(limits.deliverablesMax, `List at most ${limits.deliverablesMax} deliverables.`)
      .optional()
      .describe('The whole new list'),
    milestones: z
      .object({
        add: many(MilestoneAdd),
        change: many(MilestoneChange),
        remove: many(z.object({ milestoneId: z.uuid(), refundEscrow })),
      })
      .default({ add: [], change: [], remove: [] }),
  })
  .meta({ id: 'ProposeTermsChangeRequest' });
export type ProposeTermsChangeInput = z.output<typeof ProposeTermsChangeRequest>;

export const DeclineTermsChangeRequest = z
  .object({ reason: paragraphs(1, limits.declineReasonMax).describe('Shown to who proposed it') })
  .meta({ id: 'DeclineTermsChangeRequest' });

const Person = z.object({ userId: z.uuid(), name: z.string() });
const FieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
const Milestone = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  amountCents: z.number().int(),
  dueDate: z.string(),
  acceptanceCriteria: z.string(),
});

export const TermsDiffResponse = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    fields: z
      .array(FieldChange)
      .describe('Top-level fields (deliverables as the whole list; hourly.* and fixed.totalCents)'),
    milestones: z.object({
      added: z.array(Milestone),
      removed: z.array(Milestone),
      changed: z.array(z.object({ id: z.uuid(), title: z.string(), changes: z.array(FieldChange) })),
    }),
  })
  .meta({ id: 'TermsDiff' });

export const TermsDiffQuery = z.object({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});

export const TermsChangeResponse = z
  .object({
    id: z.uuid(),
    contractId: z.uuid(),
    state: z.enum(CHANGE_STATES),
    proposedBy: Person,
    baseVersion: z.number().int().describe('The terms version it was proposed against'),
    note: z.string(),
    diff: TermsDiffResponse.describe('From the base version to the terms it leads to'),
    refunds: z
      .array(z.object({ milestoneId: z.uuid(), title: z.string(), amountCents: z.number().int() }))
      .describe('Escrow returned to the client when it is accepted'),
    answeredBy: Person.nullable(),
    declineReason: z.string().nullable(),
    resultingVersion: z.number().int().nullable(),
    createdAt: z.iso.datetime(),
    answeredAt: z.iso.datetime().nullable(),
    actions: z.array(z.enum(['accept', 'decline', 'withdraw'])).describe('What you may do with it now'),
  })
  .meta({ id: 'TermsChange' });

export const TermsChangeListResponse = z
  .object({ items: z.array(TermsChangeResponse).describe('Newest first') })
  .meta({ id: 'TermsChangeList' });

export const TermsVersionResponse = z
  .object({
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    note: z.string(),
    proposedBy: Person.nullable(),
    acceptedBy: Person.nullable(),
    terms: ContractTermsResponse,
  })
  .meta({ id: 'TermsVersion' });

export const TermsHistoryResponse = z
  .object({
    contractId: z.uuid(),
    currentVersion: z.number().int(),
    versions: z.array(TermsVersionResponse).describe('Oldest first'),
    canPropose: z.boolean().describe('You are a party, the contract runs and no change is waiting'),
  })
  .meta({ id: 'TermsHistory' });
