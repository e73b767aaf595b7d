import { and, eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { findOwnPayoutMethod } from './payout-method.ts';
import { payoutMethods, withdrawalSchedules } from './tables.ts';

/** Removes one of the signed-in freelancer's payout methods (withdrawals already started still arrive). */
export async function removePayoutMethod(ctx: Ctx, payoutMethodId: string): Promise<void> {
  const freelancerId = requireActor(ctx).userId;
  await ctx.tx(async (tx) => {
    const method = await findOwnPayoutMethod(tx, freelancerId, payoutMethodId);
    const [schedule] = await tx
      .select({ id: withdrawalSchedules.id })
      .from(withdrawalSchedules)
      .where(
        and(eq(withdrawalSchedules.freelancerId, freelancerId), eq(withdrawalSchedules.payoutMethodId, method.id)),
      );
    if (schedule) {
      throw new AppError('invalid_state', {
        userMessage: 'Your withdrawal schedule pays to this method. Change or stop the schedule first.',
      });
    }
    await tx.update(payoutMethods).set({ removedAt: ctx.clock.now() }).where(eq(payoutMethods.id, method.id));
  });
}
