import { AppError } from '../../platform/errors.ts';
import type { MilestoneState } from '../contracts/index.ts';

/** What a contract goes through once an end is asked for (`active` comes from the offer). */
export const CONTRACT_STATES = ['active', 'ending', 'ending_disputed', 'ended'] as const;
export type ContractState = (typeof CONTRACT_STATES)[number];

export type Who = 'client' | 'freelancer' | 'system';

export type MilestoneAction = 'fund' | 'submit' | 'request_changes' | 'approve' | 'refund';
export type ContractAction = 'end' | 'close' | 'agree_refund' | 'dispute_refund' | 'refund_unanswered';

type Row =
  | { subject: 'milestone'; from: MilestoneState; action: MilestoneAction; by: readonly Who[]; to: MilestoneState }
  | { subject: 'contract'; from: ContractState; action: ContractAction; by: readonly Who[]; to: ContractState };

/**
 * THE fixed-price lifecycle: every transition of a milestone or of the contract is one row (from
 * state, action, who may do it, to state). Anything else is refused: a 403 when the caller's side
 * never does this action, a 409 naming the current state otherwise. Milestones move only while
 * the contract is `active` (see requireActiveContract).
 */
export const lifecycleTransitions = [
  // The client pays the milestone into escrow; the freelancer is told work can begin.
  { subject: 'milestone', from: 'not_funded', action: 'fund', by: ['client'], to: 'funded' },
  { subject: 'milestone', from: 'funded', action: 'submit', by: ['freelancer'], to: 'submitted' },
  { subject: 'milestone', from: 'changes_requested', action: 'submit', by: ['freelancer'], to: 'submitted' },
  { subject: 'milestone', from: 'submitted', action: 'request_changes', by: ['client'], to: 'changes_requested' },
  // The system approves what the client left unanswered for 14 days.
  { subject: 'milestone', from: 'submitted', action: 'approve', by: ['client', 'system'], to: 'approved' },
  // Escrow back to the client: the freelancer agrees (a terms change, an end), or let 7 days pass.
  { subject: 'milestone', from: 'funded', action: 'refund', by: ['freelancer', 'system'], to: 'refunded' },
  { subject: 'milestone', from: 'submitted', action: 'refund', by: ['freelancer', 'system'], to: 'refunded' },
  { subject: 'milestone', from: 'changes_requested', action: 'refund', by: ['freelancer', 'system'], to: 'refunded' },

  { subject: 'contract', from: 'active', action: 'end', by: ['client', 'freelancer'], to: 'ending' },
  // Nothing in escrow: the end takes effect at once.
  { subject: 'contract', from: 'ending', action: 'close', by: ['system'], to: 'ended' },
  { subject: 'contract', from: 'ending', action: 'agree_refund', by: ['freelancer'], to: 'ended' },
  // The money stays in escrow for the disputes process.
  { subject: 'contract', from: 'ending', action: 'dispute_refund', by: ['freelancer'], to: 'ending_disputed' },
  { subject: 'contract', from: 'ending', action: 'refund_unanswered', by: ['system'], to: 'ended' },
] as const satisfies readonly Row[];

const milestoneWords: Record<MilestoneAction, string> = {
  fund: 'funded',
  submit: 'submitted',
  request_changes: 'sent back for changes',
  approve: 'approved',
  refund: 'refunded',
};
const contractWords: Record<ContractAction, string> = {
  end: 'ended',
  close: 'closed',
  agree_refund: 'settled with a refund',
  dispute_refund: 'disputed',
  refund_unanswered: 'settled with a refund',
};
const stateWords: Record<string, string> = {
  not_funded: 'not funded',
  changes_requested: 'waiting for changes',
  ending: 'ending',
  ending_disputed: 'ending, with the escrow in dispute',
};
export const describeState = (state: string): string => stateWords[state] ?? state;

const sideName = (who: readonly Who[]): string =>
  who
    .filter((side) => side !== 'system')
    .map((side) => `the ${side}`)
    .join(' or ');

function step<S extends string, A extends string>(
  subject: 'milestone' | 'contract',
  from: S,
  action: A,
  by: Who,
  words: string,
): S {
  const rows = (lifecycleTransitions as readonly Row[]).filter(
    (row) => row.subject === subject && row.action === action,
  );
  if (!rows.some((row) => row.by.includes(by))) {
    const allowed = [...new Set(rows.flatMap((row) => row.by))];
    throw new AppError('forbidden', {
      userMessage: `Only ${sideName(allowed) || 'the platform'} can do this: a ${subject} is ${words} by ${sideName(allowed) || 'the platform'}.`,
    });
  }
  const row = rows.find((candidate) => candidate.from === from && candidate.by.includes(by));
  if (!row) {
    throw new AppError('invalid_state', {
      userMessage: `This ${subject} is ${describeState(from)}; it cannot be ${words} now.`,
      fields: [{ field: 'state', message: `The ${subject} is ${describeState(from)}.` }],
      details: { state: from },
    });
  }
  return row.to as S;
}

/** The milestone's next state, or a 403 (wrong side) / 409 naming the current state. */
export function milestoneTransition(from: MilestoneState, action: MilestoneAction, by: Who): MilestoneState {
  return step('milestone', from, action, by, milestoneWords[action]);
}

/** The contract's next state, or a 403 (wrong side) / 409 naming the current state. */
export function contractTransition(from: string, action: ContractAction, by: Who): ContractState {
  return step('contract', from as ContractState, action, by, contractWords[action]);
}

/** Milestones move only in an active contract; after an end is asked for they are frozen. */
export function requireActiveContract(state: string): void {
  if (state === 'active') return;
  throw new AppError('invalid_state', {
    userMessage: `This contract is ${describeState(state)}; its milestones can no longer change.`,
    fields: [{ field: 'state', message: `The contract is ${describeState(state)}.` }],
    details: { state },
  });
}
