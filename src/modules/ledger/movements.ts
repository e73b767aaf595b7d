import { invalidField } from '../../platform/errors.ts';
import {
  type AccountKey,
  clientFundingAccount,
  escrowAccount,
  freelancerAccount,
  platformAccount,
} from './accounts.ts';
import type { TransferInput } from './post-transfer.ts';
import type { TransferRefs } from './transfers.ts';

/*
 * Builders for the usual money movements: pure functions returning a TransferInput for
 * postTransfer, so that the use cases (fund a milestone, approve it, clear earnings, withdraw...)
 * state what moves and leave the accounts and signs to one place. Each fills in the references it
 * knows (contract, user); the caller's `refs` add to them. The use cases themselves belong to the
 * modules that own milestones, payments and payouts.
 */

/** What every movement needs besides its amounts. */
export interface MovementBase {
  idempotencyKey: string;
  at: Date;
  refs?: TransferRefs;
  memo?: string;
}

function positive(amountCents: number, field: string): number {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0)
    throw invalidField(field, 'Use a positive whole number of cents.');
  return amountCents;
}

/** The simplest transfer: `amountCents` from one account to another. */
export function move(
  base: MovementBase & { reason: string; from: AccountKey; to: AccountKey; amountCents: number },
): TransferInput {
  const amount = positive(base.amountCents, 'amountCents');
  return {
    idempotencyKey: base.idempotencyKey,
    reason: base.reason,
    at: base.at,
    refs: base.refs,
    memo: base.memo,
    postings: [
      { account: base.from, amountCents: -amount },
      { account: base.to, amountCents: amount },
    ],
  };
}

/**
 * Money paid in through the gateway (a settled charge) lands in the client's funding account;
 * `feeCents` (the client marketplace fee) goes to platform revenue out of the same charge.
 */
export function recordCharge(
  base: MovementBase & { clientId: string; currency: string; amountCents: number; feeCents?: number },
): TransferInput {
  const amount = positive(base.amountCents, 'amountCents');
  const fee = base.feeCents ?? 0;
  if (!Number.isSafeInteger(fee) || fee < 0) throw invalidField('feeCents', 'Use a whole number of cents.');
  const postings: TransferInput['postings'] = [
    { account: platformAccount('gateway_clearing', base.currency), amountCents: -(amount + fee) },
    { account: clientFundingAccount(base.clientId, base.currency), amountCents: amount },
  ];
  if (fee > 0) postings.push({ account: platformAccount('platform_fee_revenue', base.currency), amountCents: fee });
  return { ...baseFields(base, 'payment.charge', { userId: base.clientId }), postings };
}

/** Client funding -> the contract's escrow. */
export function fundEscrow(
  base: MovementBase & { clientId: string; contractId: string; currency: string; amountCents: number },
): TransferInput {
  return move({
    ...base,
    refs: { contractId: base.contractId, userId: base.clientId, ...base.refs },
    reason: 'escrow.fund',
    from: clientFundingAccount(base.clientId, base.currency),
    to: escrowAccount(base.contractId, base.currency),
  });
}

/**
 * Escrow -> the freelancer's pending earnings, minus the freelancer service fee, which goes to
 * platform revenue: `grossCents` leaves escrow, `grossCents - feeCents` reaches the freelancer.
 */
export function releaseEscrow(
  base: MovementBase & {
    contractId: string;
    freelancerId: string;
    currency: string;
    grossCents: number;
    feeCents: number;
  },
): TransferInput {
  const gross = positive(base.grossCents, 'grossCents');
  if (!Number.isSafeInteger(base.feeCents) || base.feeCents < 0 || base.feeCents > gross) {
    throw invalidField('feeCents', 'The fee is between 0 and the gross amount.');
  }
  const postings: TransferInput['postings'] = [
    { account: escrowAccount(base.contractId, base.currency), amountCents: -gross },
  ];
  if (gross > base.feeCents) {
    postings.push({
      account: freelancerAccount(base.freelancerId, 'pending', base.currency),
      amountCents: gross - base.feeCents,
    });
  }
  if (base.feeCents > 0) {
    postings.push({ account: platformAccount('platform_fee_revenue', base.currency), amountCents: base.feeCents });
  }
  return {
    ...baseFields(base, 'escrow.release', { contractId: base.contractId, userId: base.freelancerId }),
    postings,
  };
}

/** Escrow -> back to the client's funding account (a refund to the card is a separate movement). */
export function refundEscrow(
  base: MovementBase & { clientId: string; contractId: string; currency: string; amountCents: number },
): TransferInput {
  return move({
    ...base,
    refs: { contractId: base.contractId, userId: base.clientId, ...base.refs },
    reason: 'escrow.refund',
    from: escrowAccount(base.contractId, base.currency),
    to: clientFundingAccount(base.clientId, base.currency),
  });
}

/** Pending -> available, when the security period ends. */
export function clearEarnings(
  base: MovementBase & { freelancerId: string; currency: string; amountCents: number },
): TransferInput {
  return move({
    ...base,
    refs: { userId: base.freelancerId, ...base.refs },
    reason: 'earnings.clear',
    from: freelancerAccount(base.freelancerId, 'pending', base.currency),
    to: freelancerAccount(base.freelancerId, 'available', base.currency),
  });
}

/** Available -> in flight (a withdrawal starts); `failed` sends it back, `completed` to payout clearing. */
export function payoutMovement(
  base: MovementBase & {
    freelancerId: string;
    currency: string;
    amountCents: number;
    step: 'start' | 'fail' | 'complete';
  },
): TransferInput {
  const available = freelancerAccount(base.freelancerId, 'available', base.currency);
  const inFlight = freelancerAccount(base.freelancerId, 'payout_in_flight', base.currency);
  const clearing = platformAccount('payout_clearing', base.currency);
  const route = {
    start: { from: available, to: inFlight },
    fail: { from: inFlight, to: available },
    complete: { from: inFlight, to: clearing },
  }[base.step];
  return move({ ...base, refs: { userId: base.freelancerId, ...base.refs }, reason: `payout.${base.step}`, ...route });
}

/** The common fields; the movement's own references come first so the caller's can add to them. */
function baseFields(base: MovementBase, reason: string, refs: TransferRefs): Omit<TransferInput, 'postings'> {
  return { idempotencyKey: base.idempotencyKey, reason, at: base.at, refs: { ...refs, ...base.refs }, memo: base.memo };
}
