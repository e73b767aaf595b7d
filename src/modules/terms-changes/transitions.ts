import { AppError } from '../../platform/errors.ts';
import type { ChangeState } from './tables.ts';

export type ChangeAction = 'accept' | 'decline' | 'withdraw';
type Who = 'proposer' | 'other party';

/** How a proposed change moves: from a state, by an action, who may take it, to a state. */
export const changeTransitions = {
  pending: {
    accept: { by: 'other party', to: 'accepted' },
    decline: { by: 'other party', to: 'declined' },
    withdraw: { by: 'proposer', to: 'withdrawn' },
  },
  accepted: {},
  declined: {},
  withdrawn: {},
} as const satisfies Record<ChangeState, Partial<Record<ChangeAction, { by: Who; to: ChangeState }>>>;

const words: Record<ChangeState, string> = {
  pending: 'waiting for an answer',
  accepted: 'accepted',
  declined: 'declined',
  withdrawn: 'withdrawn',
};

const done: Record<ChangeAction, string> = { accept: 'accepted', decline: 'declined', withdraw: 'withdrawn' };

/** The next state, or a 403 for the wrong party and a 409 naming the current state. */
export function transition(state: ChangeState, action: ChangeAction, actorIsProposer: boolean): ChangeState {
  const step = (changeTransitions[state] as Partial<Record<ChangeAction, { by: Who; to: ChangeState }>>)[action];
  if (!step) {
    throw new AppError('invalid_state', {
      userMessage: `This change is already ${words[state]}; it cannot be ${done[action]}.`,
      details: { state },
    });
  }
  if ((step.by === 'proposer') !== actorIsProposer) {
    throw new AppError('forbidden', {
      userMessage:
        step.by === 'proposer'
          ? 'Only who proposed a change can withdraw it.'
          : 'The other party answers a change you proposed.',
    });
  }
  return step.to;
}
