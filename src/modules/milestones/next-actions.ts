import type { ContractOverview } from './contract-overview.ts';

export const NEXT_ACTIONS = [
  'fund_milestone',
  'review_submission',
  'submit_work',
  'resubmit_work',
  'respond_to_end',
  'wait_for_client',
  'wait_for_freelancer',
] as const;
export type NextActionKind = (typeof NEXT_ACTIONS)[number];

export interface NextAction {
  action: NextActionKind;
  milestoneId: string | null;
  label: string;
  dueAt: Date | null;
}

/**
 * What the viewer can do next on the contract (empty for operators and ended contracts): review
 * submitted work, submit funded work, fund the next milestone once the ones before it are done,
 * answer an end with money in escrow. When it is the other side's turn, says whose.
 */
export function nextActionsFor(overview: ContractOverview): NextAction[] {
  const { contract, viewer } = overview;
  if (viewer === 'operator') return [];
  if (contract.state === 'ending') {
    const ending = overview.ending;
    return viewer === 'freelancer'
      ? [
          {
            action: 'respond_to_end',
            milestoneId: null,
            label: 'Decide whether the money in escrow goes back to the client',
            dueAt: ending?.respondBy ?? null,
          },
        ]
      : [
          {
            action: 'wait_for_freelancer',
            milestoneId: null,
            label: 'The freelancer decides about the escrow',
            dueAt: ending?.respondBy ?? null,
          },
        ];
  }
  if (contract.state !== 'active') return [];
  const actions: NextAction[] = [];
  for (const { milestone, submissions } of overview.milestones) {
    const pending = submissions.find((submission) => submission.outcome === 'pending');
    const label = `Milestone ${milestone.position}: ${milestone.title}`;
    if (milestone.state === 'submitted' && pending) {
      actions.push(
        viewer === 'client'
          ? {
              action: 'review_submission',
              milestoneId: milestone.id,
              label: `Review ${label}`,
              dueAt: pending.reviewDueAt,
            }
          : {
              action: 'wait_for_client',
              milestoneId: milestone.id,
              label: `The client reviews ${label}`,
              dueAt: pending.reviewDueAt,
            },
      );
    } else if (milestone.state === 'funded' || milestone.state === 'changes_requested') {
      const again = milestone.state === 'changes_requested';
      actions.push(
        viewer === 'freelancer'
          ? {
              action: again ? 'resubmit_work' : 'submit_work',
              milestoneId: milestone.id,
              label: `${again ? 'Resubmit' : 'Submit'} ${label}`,
              dueAt: null,
            }
          : {
              action: 'wait_for_freelancer',
              milestoneId: milestone.id,
              label: `The freelancer works on ${label}`,
              dueAt: null,
            },
      );
    }
  }
  const unfinished = overview.milestones.some(({ milestone }) =>
    ['funded', 'submitted', 'changes_requested'].includes(milestone.state),
  );
  const next = overview.milestones.find(({ milestone }) => milestone.state === 'not_funded');
  if (next && !unfinished) {
    const label = `Milestone ${next.milestone.position}: ${next.milestone.title}`;
    actions.push(
      viewer === 'client'
        ? { action: 'fund_milestone', milestoneId: next.milestone.id, label: `Fund ${label}`, dueAt: null }
        : {
            action: 'wait_for_client',
            milestoneId: next.milestone.id,
            label: `The client funds ${label}`,
            dueAt: null,
          },
    );
  }
  return actions;
}
