import { eq } from 'drizzle-orm';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../platform/errors.ts';
import type { Services } from '../../server/context.ts';
import { recordCharge } from '../ledger/movements.ts';
import { postTransfer } from '../ledger/post-transfer.ts';
import { type Charge, chargeTransferKey } from './charge.ts';
import type { GatewayCharge } from './gateway.ts';
import { paymentCharges } from './tables.ts';

/**
 * Records what the gateway did with a pending charge, in one transaction: a success posts the
 * ledger transfer (gateway clearing -> client funding, plus any client fee to platform revenue)
 * and marks the charge succeeded; a failure or void writes no transfer. A charge that is no longer
 * pending is returned as it is, so the request and the recovery task can race safely.
 */
export async function settleCharge(
  services: Pick<Services, 'db' | 'clock'>,
  chargeId: string,
  outcome: GatewayCharge,
): Promise<Charge> {
  const { db, clock } = services;
  return inTransaction(db, async (tx) => {
    const [charge] = await tx.select().from(paymentCharges).where(eq(paymentCharges.id, chargeId)).for('update');
    if (!charge) throw new Error(`charge ${chargeId} not found`);
    if (charge.state !== 'pending') return charge;
    const now = clock.now();
    if (outcome.status !== 'succeeded') {
      const [row] = await tx
        .update(paymentCharges)
        .set({
          state: outcome.status === 'voided' ? 'voided' : 'failed',
          gatewayChargeId: outcome.id,
          failureCode: outcome.failure?.code ?? outcome.status,
          failureMessage: outcome.failure?.message ?? null,
          settledAt: now,
        })
        .where(eq(paymentCharges.id, chargeId))
        .returning();
      return row as Charge;
    }
    if (outcome.amountCents !== charge.amountCents || outcome.currency !== charge.currency) {
      // Never expected: the gateway key is unique to this charge. Leave it pending for a person.
      throw new AppError('internal', { details: { chargeId, gatewayChargeId: outcome.id, reason: 'amount mismatch' } });
    }
    const transfer = await postTransfer(
      tx,
      recordCharge({
        idempotencyKey: chargeTransferKey(charge.id),
        at: now,
        clientId: charge.clientId,
        currency: charge.currency,
        amountCents: charge.amountCents - charge.feeCents,
        feeCents: charge.feeCents,
        refs: {
          ...charge.refs,
          chargeId: charge.id,
          userId: charge.clientId,
          extra: {
            gatewayChargeId: outcome.id,
            feeScheduleVersion: charge.feeScheduleVersion,
            purpose: charge.purpose,
          },
        },
      }),
    );
    const [row] = await tx
      .update(paymentCharges)
      .set({ state: 'succeeded', gatewayChargeId: outcome.id, ledgerTransferId: transfer.id, settledAt: now })
      .where(eq(paymentCharges.id, chargeId))
      .returning();
    return row as Charge;
  });
}
