import type { Job, NewProposal, Proposal } from '../../api/hiring-queries.ts';
import type { Attachment } from '../../components/hiring/attachments.tsx';
import type { Duration } from '../../components/hiring/labels.ts';
import { amountToCents, centsToAmount } from '../../lib/format.ts';

export interface MilestoneRow {
  title: string;
  amount: number | string;
  dueDate: string;
}

export interface ProposalFormValues {
  coverLetter: string;
  amount: number | string;
  milestones: MilestoneRow[];
  estimatedDuration: Duration | null;
  answers: string[];
  attachments: Attachment[];
}

export const proposalFieldAliases: Record<string, string> = {
  'bid.hourlyRateCents': 'amount',
  'bid.amountCents': 'amount',
  'bid.milestones': 'milestones',
  attachmentIds: 'attachments',
};

export const toCents = (value: number | string): number | null =>
  value === '' || !Number.isFinite(Number(value)) ? null : amountToCents(Number(value));

export function emptyProposalForm(job: Job): ProposalFormValues {
  const suggested = job.terms.type === 'fixed' ? job.terms.budgetCents : job.terms.hourlyMaxCents;
  return {
    coverLetter: '',
    amount: suggested === null ? '' : centsToAmount(suggested),
    milestones: [],
    estimatedDuration: job.terms.duration,
    answers: job.screeningQuestions.map(() => ''),
    attachments: [],
  };
}

export function proposalToForm(proposal: Proposal): ProposalFormValues {
  return {
    coverLetter: proposal.coverLetter,
    amount: centsToAmount(proposal.bid.amountCents),
    milestones: proposal.bid.milestones.map((milestone) => ({
      title: milestone.title,
      amount: centsToAmount(milestone.amountCents),
      dueDate: milestone.dueDate ?? '',
    })),
    estimatedDuration: proposal.estimatedDuration,
    answers: proposal.answers.map((answer) => answer.answer),
    attachments: proposal.attachments,
  };
}

export function toProposalRequest(values: ProposalFormValues, type: 'fixed' | 'hourly'): NewProposal {
  const amountCents = toCents(values.amount) ?? 0;
  return {
    coverLetter: values.coverLetter,
    bid:
      type === 'hourly'
        ? { type: 'hourly', hourlyRateCents: amountCents }
        : {
            type: 'fixed',
            amountCents,
            milestones: values.milestones.map((milestone) => ({
              title: milestone.title,
              amountCents: toCents(milestone.amount) ?? 0,
              dueDate: milestone.dueDate || null,
            })),
          },
    estimatedDuration: values.estimatedDuration ?? '1_to_3_months',
    answers: values.answers,
    attachmentIds: values.attachments.map((file) => file.id),
  };
}
