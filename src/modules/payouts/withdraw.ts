import { type Ctx, requireActor } from '../../server/context.ts';
import { type PayoutMethod, payoutMethodById } from './payout-method.ts';
import { startWithdrawal } from './start-withdrawal.ts';
import { submitPayout } from './submit-payout.ts';
import type { Withdrawal } from './withdrawal.ts';

/**
 * A one-off withdrawal by the signed-in freelancer: started in one transaction (money to in flight),
 * then handed to the payout processor. If that hand-over fails (or the process dies), the
 * withdrawal is safely in flight and the `process-payouts` task submits it.
 */
export async function withdraw(
  ctx: Ctx,
  input: { payoutMethodId: string; amountCents: number; currency: string; idempotencyKey: string },
): Promise<{ withdrawal: Withdrawal; method: PayoutMethod }> {
  const freelancerId = requireActor(ctx).userId;
  let withdrawal = await ctx.tx((tx) => startWithdrawal(tx, ctx.clock.now(), { ...input, freelancerId }));
  try {
    withdrawal = await submitPayout(ctx, withdrawal);
  } catch (error) {
    ctx.log.warn({ err: error, withdrawalId: withdrawal.id }, 'payout hand-over failed; the task will retry');
  }
  return { withdrawal, method: await payoutMethodById(ctx.db, withdrawal.payoutMethodId) };
}
