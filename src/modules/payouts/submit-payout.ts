import { and, eq, isNull } from 'drizzle-orm';
import type { Services } from '../../server/context.ts';
import { payoutMethodById } from './payout-method.ts';
import { payoutProcessorFor } from './payout-processor.ts';
import { settleWithdrawal } from './settle-withdrawal.ts';
import { withdrawals } from './tables.ts';
import { netOf, type Withdrawal } from './withdrawal.ts';

/**
 * Hands an in-flight withdrawal to the payout processor (idempotent by its processor key, so
 * calling it again only asks how the payout is doing) and settles it once the processor has paid
 * or returned it. Called after the withdrawal's transaction commits, never inside it.
 */
export async function submitPayout(
  services: Pick<Services, 'db' | 'clock'>,
  withdrawal: Withdrawal,
): Promise<Withdrawal> {
  if (withdrawal.state !== 'in_flight') return withdrawal;
  const method = await payoutMethodById(services.db, withdrawal.payoutMethodId);
  const payout = await payoutProcessorFor(services).createPayout({
    idempotencyKey: withdrawal.processorKey,
    account: method.processorToken,
    amountCents: netOf(withdrawal),
    currency: withdrawal.currency,
    // Aim at the arrival date promised when the withdrawal started, even when submitted late.
    arrivesAfterMs: Math.max(0, withdrawal.expectedAt.getTime() - services.clock.now().getTime()),
  });
  let current = withdrawal;
  if (!withdrawal.processorPayoutId) {
    const [row] = await services.db
      .update(withdrawals)
      .set({ processorPayoutId: payout.id })
      .where(and(eq(withdrawals.id, withdrawal.id), isNull(withdrawals.processorPayoutId)))
      .returning();
    current = row ?? current;
  }
  if (payout.status === 'processing') return current;
  return settleWithdrawal(services, withdrawal.id, payout);
}
