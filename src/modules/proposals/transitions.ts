import { AppError } from '../../platform/errors.ts';
import type { ProposalState } from './limits.ts';

export type ProposalAction = 'edit' | 'shortlist' | 'archive' | 'decline' | 'interview' | 'withdraw' | 'hire';
/** Who may take an action: the proposal's freelancer, the job's client, or the platform (an accepted offer). */
export type ProposalActor = 'freelancer' | 'client' | 'system';

type Transition = { by: ProposalActor; to: ProposalState };

const fromActive = {
  archive: { by: 'client', to: 'archived' },
  decline: { by: 'client', to: 'declined' },
  interview: { by: 'client', to: 'interviewing' },
  withdraw: { by: 'freelancer', to: 'withdrawn' },
  hire: { by: 'system', to: 'hired' },
} as const satisfies Partial<Record<ProposalAction, Transition>>;

/**
 * The proposal life cycle. `edit` keeps the state (the freelancer changes bid or letter before a
 * hire). declined, withdrawn and hired are final. An archived proposal can be brought back by
 * shortlisting it or inviting its freelancer to interview.
 */
export const proposalTransitions = {
  submitted: {
    edit: { by: 'freelancer', to: 'submitted' },
    shortlist: { by: 'client', to: 'shortlisted' },
    ...fromActive,
  },
  shortlisted: { edit: { by: 'freelancer', to: 'shortlisted' }, ...fromActive },
  archived: {
    shortlist: { by: 'client', to: 'shortlisted' },
    decline: fromActive.decline,
    interview: fromActive.interview,
    withdraw: fromActive.withdraw,
    hire: fromActive.hire,
  },
  interviewing: {
    edit: { by: 'freelancer', to: 'interviewing' },
    archive: fromActive.archive,
    decline: fromActive.decline,
    withdraw: fromActive.withdraw,
    hire: fromActive.hire,
  },
  declined: {},
  withdrawn: {},
  hired: {},
} as const satisfies Record<ProposalState, Partial<Record<ProposalAction, Transition>>>;

const describe: Record<ProposalAction, string> = {
  edit: 'edited',
  shortlist: 'shortlisted',
  archive: 'archived',
  decline: 'declined',
  interview: 'moved to interviewing',
  withdraw: 'withdrawn',
  hire: 'hired',
};

/** The state after `action` by `by`, or a 409 naming the current state. */
export function transition(state: ProposalState, action: ProposalAction, by: ProposalActor): ProposalState {
  const step = (proposalTransitions[state] as Partial<Record<ProposalAction, Transition>>)[action];
  if (!step || step.by !== by) {
    throw new AppError('invalid_state', {
      userMessage: `This proposal is ${state}; it cannot be ${describe[action]}.`,
      fields: [{ field: 'state', message: `The proposal is ${state}.` }],
      details: { state },
    });
  }
  return step.to;
}

/** Whether the job's "interviewing" counter includes a proposal in this state. */
export const countsAsInterviewing = (state: ProposalState) => state === 'interviewing';
