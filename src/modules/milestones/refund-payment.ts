import { and, desc, eq, gte } from 'drizzle-orm';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { clientFundingAccount, freelancerAccount, getBalanceByKey, platformAccount } from '../ledger/accounts.ts';
import { type PostingInput, postTransfer } from '../ledger/post-transfer.ts';
import { lockContractAs } from './access.ts';
import { announce, money } from './contract-events.ts';
import { lifecycleLimits, REFUND_WINDOW_MS } from './limits.ts';
import { lockBillingPair, type Payment } from './pay-freelancer.ts';
import { contractPayments, paymentRefunds } from './tables.ts';

export type Refund = typeof paymentRefunds.$inferSelect;

export interface RefundPaymentInput {
  contractId: string;
  amountCents: number;
  reason: string;
  /** The payment's ledger transfer; default: the newest payment that still has this much to refund. */
  transferId?: string | undefined;
  /** The request's Idempotency-Key. */
  requestKey: string;
}

/** `part / whole` of `fee`, to the cent, half up (whole > 0). */
const shareOf = (fee: number, part: number, whole: number): number =>
  Number((2n * BigInt(fee) * BigInt(part) + BigInt(whole)) / (2n * BigInt(whole)));

/**
 * The service fee the platform gives back with a refund: the refund's share of the payment's fee,
 * computed on the running total so that refunding a payment in parts gives back exactly its fee.
 */
export function refundFeeShare(
  payment: Pick<Payment, 'grossCents' | 'serviceFeeCents' | 'refundedCents'>,
  amount: number,
) {
  const before = shareOf(payment.serviceFeeCents, payment.refundedCents, payment.grossCents);
  const after = shareOf(payment.serviceFeeCents, payment.refundedCents + amount, payment.grossCents);
  return after - before;
}

/**
 * POST /api/contracts/:id/refunds: the freelancer gives back part or all of a payment received
 * in the last 180 days (also after the contract ended). The client gets `amountCents` back in
 * their Workroom funds; the platform returns its share of the service fee and the rest comes out
 * of the freelancer's AVAILABLE balance only: earnings still in their security period cannot be
 * taken back (payouts releases them whole), and withdrawn money is no longer ours to move. A
 * freelancer without enough available gets a 409 saying so.
 */
export async function refundPayment(
  ctx: Ctx,
  input: RefundPaymentInput,
): Promise<{ refund: Refund; payment: Payment }> {
  const actor = requireActor(ctx);
  const reason = input.reason.trim();
  if (reason.length === 0) throw invalidField('reason', 'Say why you are refunding.');
  if (reason.length > lifecycleLimits.reasonMax) {
    throw invalidField('reason', `Use at most ${lifecycleLimits.reasonMax} characters.`);
  }
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents < 1) {
    throw invalidField('amountCents', 'Refund at least $0.01.');
  }
  return ctx.tx(async (tx) => {
    const { contract, side } = await lockContractAs(tx, actor, input.contractId);
    if (side !== 'freelancer') {
      throw new AppError('forbidden', { userMessage: 'Only the freelancer can refund a payment they received.' });
    }
    const now = ctx.clock.now();
    const windowStart = new Date(now.getTime() - REFUND_WINDOW_MS);
    let payment: Payment | undefined;
    if (input.transferId) {
      [payment] = await tx
        .select()
        .from(contractPayments)
        .where(and(eq(contractPayments.contractId, contract.id), eq(contractPayments.transferId, input.transferId)))
        .for('update');
      if (!payment) throw notFound('Payment');
      if (payment.paidAt < windowStart) {
        throw new AppError('invalid_state', {
          userMessage: 'This payment is more than 180 days old; it can no longer be refunded here.',
          fields: [{ field: 'transferId', message: 'Paid more than 180 days ago.' }],
        });
      }
    } else {
      const recent = await tx
        .select()
        .from(contractPayments)
        .where(and(eq(contractPayments.contractId, contract.id), gte(contractPayments.paidAt, windowStart)))
        .orderBy(desc(contractPayments.paidAt), desc(contractPayments.id))
        .for('update');
      payment = recent.find((candidate) => candidate.grossCents - candidate.refundedCents >= input.amountCents);
      if (!payment) {
        const most = Math.max(0, ...recent.map((candidate) => candidate.grossCents - candidate.refundedCents));
        throw invalidField(
          'amountCents',
          `No payment of the last 180 days has that much left to refund; the most you can refund from one is ${money(most, contract.currency)}.`,
        );
      }
    }
    const refundable = payment.grossCents - payment.refundedCents;
    if (input.amountCents > refundable) {
      throw invalidField(
        'amountCents',
        `At most ${money(refundable, contract.currency)} of this payment is left to refund.`,
      );
    }
    await lockBillingPair(tx, contract);
    const feeShare = refundFeeShare(payment, input.amountCents);
    const netShare = input.amountCents - feeShare;
    const available = freelancerAccount(contract.freelancerId, 'available', contract.currency);
    const balance = await getBalanceByKey(tx, available);
    if (balance < netShare) {
      throw new AppError('insufficient_funds', {
        userMessage: `Refunds come out of your available balance, which holds ${money(balance, contract.currency)}; this refund needs ${money(netShare, contract.currency)} (the platform returns its ${money(feeShare, contract.currency)} fee share). Earnings still in their security period become available a few days after payment; money already withdrawn cannot be refunded here.`,
        details: { availableCents: balance, neededCents: netShare },
      });
    }
    const postings: PostingInput[] = [
      { account: clientFundingAccount(contract.clientId, contract.currency), amountCents: input.amountCents },
    ];
    if (netShare > 0) postings.push({ account: available, amountCents: -netShare });
    if (feeShare > 0) {
      postings.push({ account: platformAccount('platform_fee_revenue', contract.currency), amountCents: -feeShare });
    }
    const what = payment.kind === 'bonus' ? 'a bonus' : 'a milestone payment';
    const transfer = await postTransfer(tx, {
      idempotencyKey: `payment:refund:${payment.id}:${input.requestKey}`,
      reason: 'payment.refund',
      refs: {
        contractId: contract.id,
        ...(payment.milestoneId ? { milestoneId: payment.milestoneId } : {}),
        userId: contract.freelancerId,
        extra: {
          clientId: contract.clientId,
          paymentId: payment.id,
          description: `Refund of ${what} on “${contract.title}”`.slice(0, 200),
        },
      },
      memo: `Refund: ${reason}`.slice(0, 500),
      at: now,
      postings,
    });
    const [refund] = await tx
      .insert(paymentRefunds)
      .values({
        id: newId(),
        paymentId: payment.id,
        contractId: contract.id,
        amountCents: input.amountCents,
        feeShareCents: feeShare,
        netShareCents: netShare,
        reason,
        transferId: transfer.id,
        refundedBy: actor.userId,
        createdAt: now,
      })
      .returning();
    const [updated] = await tx
      .update(contractPayments)
      .set({ refundedCents: payment.refundedCents + input.amountCents })
      .where(eq(contractPayments.id, payment.id))
      .returning();
    await announce(tx, ctx.clock, contract, {
      kind: 'refund.issued',
      actorId: actor.userId,
      summary: `The freelancer refunded ${money(input.amountCents, contract.currency)} of ${what} (${money(payment.grossCents, contract.currency)}): ${reason}`,
      data: {
        paymentId: payment.id,
        transferId: transfer.id,
        amountCents: input.amountCents,
        feeShareCents: feeShare,
        netShareCents: netShare,
        currency: contract.currency,
        reason,
      },
      notify: [
        {
          userId: contract.clientId,
          kind: 'refund.issued',
          title: `${money(input.amountCents, contract.currency)} refunded to your Workroom funds`,
          body: reason.slice(0, 500),
        },
      ],
    });
    return { refund: refund as Refund, payment: updated as Payment };
  });
}
