import type { Job, NewOffer, Proposal } from '../../api/hiring-queries.ts';
import { amountToCents, centsToAmount } from '../../lib/format.ts';

export interface OfferMilestoneRow {
  title: string;
  description: string;
  amount: number | string;
  dueDate: string;
  acceptanceCriteria: string;
}

export interface OfferFormValues {
  title: string;
  description: string;
  deliverables: { title: string; acceptanceCriteria: string }[];
  type: 'fixed' | 'hourly';
  rate: number | string;
  weeklyLimitHours: number | string;
  manualTimeAllowed: boolean;
  milestones: OfferMilestoneRow[];
  fund: 'first' | 'all';
  startDate: string;
  expiresInDays: string;
  keepJobOpen: boolean;
  message: string;
  billingMethodId: string | null;
}

const DAY = 86_400_000;

/** A date as the API's calendar dates ("2026-03-01") in the viewer's zone. */
export function isoDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Today, as late as either the viewer's calendar or UTC has it: the API refuses past start dates. */
export function earliestStart(now: Date = new Date()): string {
  const local = isoDay(now);
  const utc = now.toISOString().slice(0, 10);
  return [local, utc].sort().at(-1) ?? utc;
}

export function addDays(day: string, days: number): string {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  return isoDay(new Date(year, month - 1, date + days));
}

export const offerFieldAliases: Record<string, string> = {
  'terms.hourlyRateCents': 'rate',
  'terms.weeklyLimitHours': 'weeklyLimitHours',
  'terms.milestones': 'milestones',
  'terms.totalCents': 'milestones',
  expiresAt: 'expiresInDays',
};

export const toCents = (value: number | string): number | null =>
  value === '' || !Number.isFinite(Number(value)) ? null : amountToCents(Number(value));

export function milestonesTotal(rows: OfferMilestoneRow[]): number {
  return rows.reduce((sum, row) => sum + (toCents(row.amount) ?? 0), 0);
}

/** Prefilled from the proposal and its job when there is one; an empty direct offer otherwise. */
export function initialOffer(source: {
  job?: Job | null;
  proposal?: Proposal | null;
  type?: 'fixed' | 'hourly';
}): OfferFormValues {
  const { job, proposal } = source;
  const start = earliestStart();
  const type = proposal?.bid.type ?? job?.terms.type ?? source.type ?? 'fixed';
  const criteria = job?.deliverables.map((deliverable) => deliverable.acceptanceCriteria).join('\n') ?? '';
  const proposed = proposal?.bid.milestones ?? [];
  const milestones: OfferMilestoneRow[] =
    proposed.length > 0
      ? proposed.map((milestone, index) => ({
          title: milestone.title,
          description: '',
          amount: centsToAmount(milestone.amountCents),
          dueDate:
            milestone.dueDate && milestone.dueDate >= start ? milestone.dueDate : addDays(start, 14 * (index + 1)),
          acceptanceCriteria: criteria,
        }))
      : [
          {
            title: job?.deliverables[0]?.title ?? '',
            description: '',
            amount:
              type === 'fixed' && proposal
                ? centsToAmount(proposal.bid.amountCents)
                : job?.terms.budgetCents
                  ? centsToAmount(job.terms.budgetCents)
                  : '',
            dueDate: addDays(start, 14),
            acceptanceCriteria: criteria,
          },
        ];
  return {
    title: job?.title ?? '',
    description: job?.description ?? '',
    deliverables: job?.deliverables ?? [],
    type,
    rate: type === 'hourly' && proposal ? centsToAmount(proposal.bid.amountCents) : '',
    weeklyLimitHours: job?.terms.hoursPerWeek ?? 20,
    manualTimeAllowed: false,
    milestones,
    fund: 'first',
    startDate: start,
    expiresInDays: '7',
    keepJobOpen: false,
    message: '',
    billingMethodId: null,
  };
}

export function toOfferRequest(
  values: OfferFormValues,
  parties: { proposalId?: string; freelancerId?: string; jobId?: string },
  now: Date = new Date(),
): NewOffer {
  const terms: NewOffer['terms'] =
    values.type === 'hourly'
      ? {
          type: 'hourly',
          hourlyRateCents: toCents(values.rate) ?? 0,
          weeklyLimitHours: Number(values.weeklyLimitHours) || 0,
          manualTimeAllowed: values.manualTimeAllowed,
        }
      : {
          type: 'fixed',
          totalCents: milestonesTotal(values.milestones),
          fund: values.fund,
          milestones: values.milestones.map((row) => ({
            title: row.title,
            description: row.description,
            amountCents: toCents(row.amount) ?? 0,
            dueDate: row.dueDate,
            acceptanceCriteria: row.acceptanceCriteria,
          })),
        };
  return {
    ...parties,
    title: values.title,
    description: values.description,
    deliverables: values.deliverables,
    terms,
    startDate: values.startDate,
    expiresAt: new Date(now.getTime() + Number(values.expiresInDays) * DAY).toISOString(),
    keepJobOpen: values.keepJobOpen,
    message: values.message,
    ...(values.billingMethodId ? { billingMethodId: values.billingMethodId } : {}),
  };
}
