import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { freelancerAccount, getBalanceByKey, platformAccount } from '../ledger/accounts.ts';
import { postTransfer } from '../ledger/post-transfer.ts';
import { moneyText, utcText } from './money-text.ts';
import { findOwnPayoutMethod } from './payout-method.ts';
import { PAYOUT_CURRENCIES, payoutMethodTypes } from './payout-method-types.ts';
import { withdrawals } from './tables.ts';
import { findWithdrawalByKey, type Withdrawal, withdrawalKeys } from './withdrawal.ts';

export interface WithdrawalRequest {
  freelancerId: string;
  payoutMethodId: string;
  /** What leaves the available balance; the payout fee comes out of it. */
  amountCents: number;
  currency: string;
  idempotencyKey: string;
  scheduleId?: string | null;
}

function sameRequestOrRefuse(existing: Withdrawal, input: WithdrawalRequest): Withdrawal {
  const same =
    existing.amountCents === input.amountCents &&
    existing.currency === input.currency &&
    existing.payoutMethodId === input.payoutMethodId;
  if (!same) throw new AppError('idempotency_key_reused');
  return existing;
}

/**
 * Starts a withdrawal inside the caller's transaction: the row (claiming the idempotency key) and
 * the ledger transfer that moves `amountCents` out of available — the payout fee to platform
 * revenue, the rest to payout in flight. The same key returns the withdrawal it made before.
 * Refuses a method still on hold, an amount under the method's minimum, or more than is available
 * (the guarded balance refuses it even against a concurrent withdrawal).
 */
export async function startWithdrawal(tx: Tx, now: Date, input: WithdrawalRequest): Promise<Withdrawal> {
  const existing = await findWithdrawalByKey(tx, input.freelancerId, input.idempotencyKey);
  if (existing) return sameRequestOrRefuse(existing, input);
  if (!(PAYOUT_CURRENCIES as readonly string[]).includes(input.currency)) {
    throw invalidField('currency', `Withdrawals are in ${PAYOUT_CURRENCIES.join(', ')}.`);
  }
  const method = await findOwnPayoutMethod(tx, input.freelancerId, input.payoutMethodId);
  if (method.usableAt.getTime() > now.getTime()) {
    throw new AppError('invalid_state', {
      userMessage: `For your security, this new payout method can be used from ${utcText(method.usableAt)}.`,
      details: { usableAt: method.usableAt.toISOString() },
    });
  }
  const spec = payoutMethodTypes[method.type];
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents < spec.minimumCents) {
    throw invalidField(
      'amountCents',
      `The smallest withdrawal to ${spec.label} is ${moneyText(spec.minimumCents, input.currency)}.`,
    );
  }
  const id = newId();
  const [row] = await tx
    .insert(withdrawals)
    .values({
      id,
      freelancerId: input.freelancerId,
      payoutMethodId: method.id,
      currency: input.currency,
      amountCents: input.amountCents,
      feeCents: spec.feeCents,
      state: 'in_flight',
      idempotencyKey: input.idempotencyKey,
      scheduleId: input.scheduleId ?? null,
      processorKey: withdrawalKeys.processor(id),
      expectedAt: new Date(now.getTime() + spec.processingDays * 86_400_000),
      createdAt: now,
    })
    .onConflictDoNothing({ target: [withdrawals.freelancerId, withdrawals.idempotencyKey] })
    .returning();
  if (!row) {
    // A concurrent request with the same key committed first (the insert waited for it).
    const winner = await findWithdrawalByKey(tx, input.freelancerId, input.idempotencyKey);
    if (!winner) throw new Error('withdrawal vanished after an idempotency conflict');
    return sameRequestOrRefuse(winner, input);
  }
  const available = freelancerAccount(input.freelancerId, 'available', input.currency);
  const postings = [
    { account: available, amountCents: -input.amountCents },
    {
      account: freelancerAccount(input.freelancerId, 'payout_in_flight', input.currency),
      amountCents: input.amountCents - spec.feeCents,
    },
  ];
  if (spec.feeCents > 0) {
    postings.push({ account: platformAccount('platform_fee_revenue', input.currency), amountCents: spec.feeCents });
  }
  let transferId: string;
  try {
    const transfer = await postTransfer(tx, {
      idempotencyKey: withdrawalKeys.start(id),
      reason: 'payout.start',
      at: now,
      refs: {
        withdrawalId: id,
        userId: input.freelancerId,
        extra: {
          payoutMethodId: method.id,
          methodType: method.type,
          methodLabel: method.label,
          feeCents: spec.feeCents,
        },
      },
      memo: `Withdrawal to ${method.label}`,
      postings,
    });
    transferId = transfer.id;
  } catch (error) {
    if (error instanceof AppError && error.code === 'insufficient_funds') {
      const balance = await getBalanceByKey(tx, available);
      throw new AppError('insufficient_funds', {
        userMessage: `You have ${moneyText(balance, input.currency)} available to withdraw.`,
        fields: [{ field: 'amountCents', message: `At most ${moneyText(balance, input.currency)}.` }],
        details: { availableCents: balance },
      });
    }
    throw error;
  }
  const [started] = await tx
    .update(withdrawals)
    .set({ startTransferId: transferId })
    .where(eq(withdrawals.id, id))
    .returning();
  return started as Withdrawal;
}
