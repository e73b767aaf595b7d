import { and, eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { ensureDefault, findOwnBillingMethod } from './billing-method.ts';
import { billingMethods, paymentCharges } from './tables.ts';

/**
 * Removes a billing method from the client's list (kept, hidden, because charges refer to it).
 * If it was the default, the oldest remaining verified method becomes the default.
 */
export async function removeBillingMethod(ctx: Ctx, billingMethodId: string): Promise<void> {
  const clientId = requireActor(ctx).userId;
  await ctx.tx(async (tx) => {
    const method = await findOwnBillingMethod(tx, clientId, billingMethodId, { lock: true });
    const [pending] = await tx
      .select({ id: paymentCharges.id })
      .from(paymentCharges)
      .where(and(eq(paymentCharges.billingMethodId, method.id), eq(paymentCharges.state, 'pending')))
      .limit(1);
    if (pending) {
      throw new AppError('invalid_state', {
        userMessage: 'A payment with this method is still in progress. Try again shortly.',
      });
    }
    await tx
      .update(billingMethods)
      .set({ removedAt: ctx.clock.now(), isDefault: false })
      .where(eq(billingMethods.id, method.id));
    if (method.isDefault) await ensureDefault(tx, clientId);
  });
}
