import { AppError } from '../../platform/errors.ts';
import type { OfferState } from './limits.ts';

export type OfferAction = 'accept' | 'decline' | 'withdraw' | 'expire';
export type OfferActor = 'freelancer' | 'client' | 'system';

type Transition = { by: OfferActor; to: OfferState };

/** Only a pending offer moves; every other state is final. */
export const offerTransitions = {
  pending: {
    accept: { by: 'freelancer', to: 'accepted' },
    decline: { by: 'freelancer', to: 'declined' },
    withdraw: { by: 'client', to: 'withdrawn' },
    expire: { by: 'system', to: 'expired' },
  },
  accepted: {},
  declined: {},
  withdrawn: {},
  expired: {},
} as const satisfies Record<OfferState, Partial<Record<OfferAction, Transition>>>;

const describe: Record<OfferAction, string> = {
  accept: 'accepted',
  decline: 'declined',
  withdraw: 'withdrawn',
  expire: 'expired',
};

/** The state after `action` by `by`, or a 409 naming the current state. */
export function transition(state: OfferState, action: OfferAction, by: OfferActor): OfferState {
  const step = (offerTransitions[state] as Partial<Record<OfferAction, Transition>>)[action];
  if (!step || step.by !== by) {
    throw new AppError('invalid_state', {
      userMessage: `This offer is ${state}; it cannot be ${describe[action]}.`,
      fields: [{ field: 'state', message: `The offer is ${state}.` }],
      details: { state },
    });
  }
  return step.to;
}
