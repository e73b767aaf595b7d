import { invalidField } from '../../platform/errors.ts';
import type { JobForHiring } from '../jobs/index.ts';
import type { BidInput } from './schemas.ts';
import type { ProposedMilestone, ScreeningAnswer } from './tables.ts';

/** The bid as stored: one amount (rate or total) and the proposed milestones. */
export function bidColumns(
  job: JobForHiring,
  bid: BidInput,
): { bidType: string; bidCents: number; milestones: ProposedMilestone[] } {
  if (bid.type !== job.type) {
    throw invalidField(
      'bid.type',
      `This is a${job.type === 'hourly' ? 'n hourly' : ' fixed-price'} job: bid ${job.type === 'hourly' ? 'an hourly rate' : 'a fixed amount'}.`,
    );
  }
  if (bid.type === 'hourly') return { bidType: 'hourly', bidCents: bid.hourlyRateCents, milestones: [] };
  return {
    bidType: 'fixed',
    bidCents: bid.amountCents,
    milestones: bid.milestones.map((milestone) => ({ ...milestone, dueDate: milestone.dueDate ?? null })),
  };
}

/** Pairs the answers with the job's screening questions; every question needs an answer. */
export function screeningAnswers(job: JobForHiring, answers: string[]): ScreeningAnswer[] {
  const questions = job.screeningQuestions;
  if (answers.length !== questions.length) {
    throw invalidField(
      'answers',
      questions.length === 0
        ? 'This job has no screening questions.'
        : `Answer each of the ${questions.length} screening questions, in order.`,
    );
  }
  return questions.map((question, index) => ({ question, answer: answers[index] as string }));
}
