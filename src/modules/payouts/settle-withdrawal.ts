import { eq } from 'drizzle-orm';
import { inTransaction } from '../../db/transaction.ts';
import type { Services } from '../../server/context.ts';
import { getAccount } from '../accounts/find-account.ts';
import { payoutMovement } from '../ledger/movements.ts';
import { postTransfer } from '../ledger/post-transfer.ts';
import { reverseTransfer } from '../ledger/reverse-transfer.ts';
import { enqueueEmail } from '../notifications/enqueue-email.ts';
import { notify } from '../notifications/notify.ts';
import { moneyText } from './money-text.ts';
import { payoutMethodById } from './payout-method.ts';
import type { ProcessorPayout } from './payout-processor.ts';
import { withdrawals } from './tables.ts';
import { netOf, type Withdrawal, withdrawalKeys } from './withdrawal.ts';

/**
 * Records what the processor did with a withdrawal, in one transaction: paid moves the money from
 * in flight to payout clearing; failed reverses the start transfer, so the whole amount (fee
 * included) is back in available, and tells the freelancer. A withdrawal already settled is
 * returned as it is, so the request, the task and a retry after a crash can race safely.
 */
export async function settleWithdrawal(
  services: Pick<Services, 'db' | 'clock'>,
  withdrawalId: string,
  payout: ProcessorPayout,
): Promise<Withdrawal> {
  const { db, clock } = services;
  return inTransaction(db, async (tx) => {
    const [withdrawal] = await tx.select().from(withdrawals).where(eq(withdrawals.id, withdrawalId)).for('update');
    if (!withdrawal) throw new Error(`withdrawal ${withdrawalId} not found`);
    if (withdrawal.state !== 'in_flight' || payout.status === 'processing') return withdrawal;
    if (!withdrawal.startTransferId) throw new Error(`withdrawal ${withdrawalId} has no start transfer`);
    const now = clock.now();
    const method = await payoutMethodById(tx, withdrawal.payoutMethodId);
    const net = netOf(withdrawal);
    const money = (cents: number) => moneyText(cents, withdrawal.currency);
    const refs = {
      withdrawalId: withdrawal.id,
      userId: withdrawal.freelancerId,
      extra: { processorPayoutId: payout.id },
    };
    if (payout.status === 'paid') {
      const transfer = await postTransfer(
        tx,
        payoutMovement({
          idempotencyKey: withdrawalKeys.complete(withdrawal.id),
          at: now,
          refs,
          memo: `Withdrawal to ${method.label} paid out`,
          freelancerId: withdrawal.freelancerId,
          currency: withdrawal.currency,
          amountCents: net,
          step: 'complete',
        }),
      );
      const [row] = await tx
        .update(withdrawals)
        .set({ state: 'completed', settleTransferId: transfer.id, processorPayoutId: payout.id, settledAt: now })
        .where(eq(withdrawals.id, withdrawal.id))
        .returning();
      await notify(tx, clock, {
        userId: withdrawal.freelancerId,
        kind: 'payouts.withdrawal_completed',
        title: `${money(net)} sent to ${method.label}`,
        body: 'Your withdrawal was paid out. It may take your bank a little time to show it.',
        link: '/earnings#withdrawals',
      });
      return row as Withdrawal;
    }
    const reversal = await reverseTransfer(tx, {
      transferId: withdrawal.startTransferId,
      idempotencyKey: withdrawalKeys.fail(withdrawal.id),
      reason: 'payout.fail',
      at: now,
      memo: `Withdrawal to ${method.label} returned: ${payout.failure?.code ?? 'failed'}`,
    });
    const message = payout.failure?.message ?? 'The payout could not be delivered.';
    const [row] = await tx
      .update(withdrawals)
      .set({
        state: 'failed',
        settleTransferId: reversal.id,
        processorPayoutId: payout.id,
        failureCode: payout.failure?.code ?? 'failed',
        failureMessage: message,
        settledAt: now,
      })
      .where(eq(withdrawals.id, withdrawal.id))
      .returning();
    const body = `${message} The full ${money(withdrawal.amountCents)}, fee included, is back in your available balance. Check the payout method or choose another.`;
    await notify(tx, clock, {
      userId: withdrawal.freelancerId,
      kind: 'payouts.withdrawal_failed',
      title: `Your withdrawal to ${method.label} failed`,
      body,
      link: '/earnings#withdrawals',
    });
    const account = await getAccount(tx, withdrawal.freelancerId);
    await enqueueEmail(tx, clock, {
      userId: withdrawal.freelancerId,
      to: account.email,
      kind: 'payouts.withdrawal_failed',
      subject: `Your withdrawal of ${money(net)} failed`,
      text: `Hello ${account.displayName},\n\nYour withdrawal of ${money(net)} to ${method.label} failed. ${body}\n\nWorkroom`,
    });
    return row as Withdrawal;
  });
}
