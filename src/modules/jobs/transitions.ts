import { AppError } from '../../platform/errors.ts';
import type { JobState } from './limits.ts';

export type JobAction = 'publish' | 'unpublish' | 'close' | 'edit';

/**
 * The job life cycle. `edit` keeps the state: drafts and open jobs can be changed (open ones
 * with an edit history); closed jobs are final. `unpublish` is further guarded: a job that has
 * proposals cannot go back to draft (the freelancers who paid Connects would lose it).
 */
export const jobTransitions = {
  draft: { publish: 'open', close: 'closed', edit: 'draft' },
  open: { unpublish: 'draft', close: 'closed', edit: 'open' },
  closed: {},
} as const satisfies Record<JobState, Partial<Record<JobAction, JobState>>>;

const describeAction: Record<JobAction, string> = {
  publish: 'published',
  unpublish: 'moved back to draft',
  close: 'closed',
  edit: 'edited',
};

/** The state after `action`, or a 409 naming the current state. */
export function transition(state: JobState, action: JobAction): JobState {
  const next = (jobTransitions[state] as Partial<Record<JobAction, JobState>>)[action];
  if (!next) throw notAllowedIn(state, action);
  return next;
}

export function notAllowedIn(state: JobState, action: JobAction, why?: string): AppError {
  const message = `This job is ${state}; it cannot be ${describeAction[action]}${why ? ` (${why})` : ''}.`;
  return new AppError('invalid_state', {
    userMessage: message,
    fields: [{ field: 'state', message: `The job is ${state}.` }],
    details: { state },
  });
}
