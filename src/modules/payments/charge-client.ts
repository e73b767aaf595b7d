import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Ctx } from '../../server/context.ts';
import { type BillingMethod, billingMethodById, defaultBillingMethod, findOwnBillingMethod } from './billing-method.ts';
import { type Charge, type ChargeRefs, chargeGatewayKey } from './charge.ts';
import { paymentFaults } from './fault-hooks.ts';
import type { GatewayCharge, PaymentGateway } from './gateway.ts';
import { gatewayFor } from './gateway-for.ts';
import { settleCharge } from './settle-charge.ts';
import { paymentCharges } from './tables.ts';

export interface ChargeClientInput {
  clientId: string;
  /** Everything the client pays, fee included. */
  amountCents: number;
  currency: string;
  /** Defaults to the client's default billing method. */
  billingMethodId?: string;
  /** Why: "add_funds", "escrow_funding"... */
  purpose: string;
  /** The caller's key: the same key for the same client returns the same charge, never a second one. */
  idempotencyKey: string;
  refs?: ChargeRefs;
  /** The client marketplace fee inside `amountCents` (to platform revenue), with its schedule version. */
  feeCents?: number;
  feeScheduleVersion?: number;
}

export const SUPPORTED_CURRENCIES = ['USD'] as const;
/** $100,000: above it a real processor wants a wire, and so do we. */
export const MAX_CHARGE_CENTS = 10_000_000;
/** Processing errors are transient: the gateway call is repeated (same key) this many times in all. */
const GATEWAY_ATTEMPTS = 3;

/**
 * Charges a client's billing method and credits the money to the client's funding account.
 * Three steps, none holding a transaction across the gateway call: (1) a `pending` charge row,
 * (2) the gateway charge, idempotent by a key derived from the row, (3) in one transaction the
 * row marked succeeded with its ledger transfer (or failed, with no transfer). A crash after (1)
 * or (2) leaves a pending row that the `recover-charges` task completes or voids.
 * Throws 402 payment_required with the reason when the gateway refuses the charge.
 */
export async function chargeClient(ctx: Ctx, input: ChargeClientInput): Promise<Charge> {
  checkAmounts(input);
  const gateway = gatewayFor(ctx);
  const pending = await ctx.tx((tx) => openCharge(tx, ctx.clock.now(), input));
  if (pending.state !== 'pending') return finished(pending);
  // By id without the removed filter: a method removed after the charge began still settles it.
  const method = await billingMethodById(ctx.db, pending.billingMethodId);
  await paymentFaults.beforeGatewayCall?.(pending.id);
  let outcome: GatewayCharge;
  try {
    outcome = await chargeWithRetries(gateway, pending, method.gatewayToken);
  } catch (error) {
    // The gateway's answer is unknown: the recovery task will ask it again by key.
    ctx.log.error({ err: error, chargeId: pending.id }, 'gateway call failed; charge left pending for recovery');
    throw new AppError('unavailable', {
      userMessage: 'We could not reach the payment processor. Your payment will be confirmed or cancelled shortly.',
      retryAfterSeconds: 60,
      cause: error,
    });
  }
  await paymentFaults.afterGatewayCall?.(pending.id);
  return finished(await settleCharge(ctx, pending.id, outcome));
}

function checkAmounts(input: ChargeClientInput): void {
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0 || input.amountCents > MAX_CHARGE_CENTS) {
    throw invalidField('amountCents', `Enter an amount between $0.01 and $${MAX_CHARGE_CENTS / 100}.`);
  }
  if (!(SUPPORTED_CURRENCIES as readonly string[]).includes(input.currency)) {
    throw invalidField('currency', `Payments are in ${SUPPORTED_CURRENCIES.join(', ')}.`);
  }
  const fee = input.feeCents ?? 0;
  if (!Number.isSafeInteger(fee) || fee < 0 || fee >= input.amountCents) {
    throw invalidField('feeCents', 'The fee is a part of the amount.');
  }
  if (fee > 0 && input.feeScheduleVersion === undefined) {
    throw invalidField('feeScheduleVersion', 'A charge with a fee records the fee schedule version it used.');
  }
}

/** Step 1: the pending row, or the charge this key already made (resumed if still pending). */
async function openCharge(tx: Tx, now: Date, input: ChargeClientInput): Promise<Charge> {
  const existing = await findByKey(tx, input.clientId, input.idempotencyKey);
  if (existing) return sameRequestOrRefuse(existing, input);
  const method = await usableMethod(tx, input);
  const id = newId();
  const [row] = await tx
    .insert(paymentCharges)
    .values({
      id,
      clientId: input.clientId,
      billingMethodId: method.id,
      amountCents: input.amountCents,
      currency: input.currency,
      purpose: input.purpose,
      state: 'pending',
      idempotencyKey: input.idempotencyKey,
      gatewayKey: chargeGatewayKey(id),
      feeScheduleVersion: input.feeScheduleVersion ?? null,
      feeCents: input.feeCents ?? 0,
      refs: input.refs ?? {},
      createdAt: now,
    })
    .onConflictDoNothing({ target: [paymentCharges.clientId, paymentCharges.idempotencyKey] })
    .returning();
  if (row) return row;
  // A concurrent request with the same key won the insert (we waited for it to commit).
  const winner = await findByKey(tx, input.clientId, input.idempotencyKey);
  if (!winner) throw new Error('charge vanished after an idempotency conflict');
  return sameRequestOrRefuse(winner, input);
}

async function findByKey(tx: Tx, clientId: string, idempotencyKey: string): Promise<Charge | undefined> {
  const [row] = await tx
    .select()
    .from(paymentCharges)
    .where(and(eq(paymentCharges.clientId, clientId), eq(paymentCharges.idempotencyKey, idempotencyKey)));
  return row;
}

function sameRequestOrRefuse(charge: Charge, input: ChargeClientInput): Charge {
  const same =
    charge.amountCents === input.amountCents &&
    charge.currency === input.currency &&
    (input.billingMethodId === undefined || input.billingMethodId === charge.billingMethodId);
  if (!same) throw new AppError('idempotency_key_reused');
  return charge;
}

async function usableMethod(tx: Tx, input: ChargeClientInput): Promise<BillingMethod> {
  const method = input.billingMethodId
    ? await findOwnBillingMethod(tx, input.clientId, input.billingMethodId)
    : await defaultBillingMethod(tx, input.clientId);
  if (!method) {
    throw new AppError('payment_required', { userMessage: 'Add a billing method before paying.' });
  }
  if (method.status === 'pending_verification') {
    throw new AppError('invalid_state', {
      userMessage: 'Confirm the two small deposits to this bank account before paying with it.',
    });
  }
  if (method.status !== 'verified') {
    throw new AppError('invalid_state', { userMessage: 'This billing method is locked and cannot be charged.' });
  }
  return method;
}

/**
 * Step 2, repeated on transient processing errors with the same key (so it charges at most once).
 * When the retries run out the gateway charge is voided, so that it cannot succeed later unseen.
 */
async function chargeWithRetries(gateway: PaymentGateway, charge: Charge, method: string): Promise<GatewayCharge> {
  let outcome: GatewayCharge | undefined;
  for (let attempt = 1; attempt <= GATEWAY_ATTEMPTS; attempt++) {
    outcome = await gateway.createCharge({
      idempotencyKey: charge.gatewayKey,
      amountCents: charge.amountCents,
      currency: charge.currency,
      method,
    });
    if (!outcome.failure?.retryable) return outcome;
    if (attempt < GATEWAY_ATTEMPTS) await sleep(100 * attempt);
  }
  const voided = await gateway.voidCharge(charge.gatewayKey);
  return voided.status === 'succeeded' ? voided : (outcome as GatewayCharge);
}

const declineMessages: Record<string, string> = {
  card_declined: 'The card was declined.',
  insufficient_funds: 'The payment was declined for insufficient funds.',
  processing_error: 'The payment could not be processed. Please try again.',
  method_unusable: 'This billing method cannot be charged.',
  voided: 'The payment was cancelled.',
};

/** A settled charge as the caller sees it: itself when it succeeded, else the 402 explaining why. */
function finished(charge: Charge): Charge {
  if (charge.state === 'succeeded') return charge;
  if (charge.state === 'pending') {
    throw new AppError('unavailable', {
      userMessage: 'This payment is still being confirmed. Check again in a minute.',
      retryAfterSeconds: 60,
    });
  }
  throw new AppError('payment_required', {
    userMessage: declineMessages[charge.failureCode ?? ''] ?? 'The payment did not go through.',
    details: { chargeId: charge.id, declineCode: charge.failureCode },
  });
}
