import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../platform/errors.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { type BillingMethod, findOwnBillingMethod } from './billing-method.ts';
import { billingMethods } from './tables.ts';

/** Makes one of the client's verified billing methods the one charges use by default. */
export async function setDefaultBillingMethod(ctx: Ctx, billingMethodId: string): Promise<BillingMethod> {
  const clientId = requireActor(ctx).userId;
  return ctx.tx(async (tx) => {
    const method = await findOwnBillingMethod(tx, clientId, billingMethodId, { lock: true });
    if (method.status !== 'verified') {
      throw new AppError('invalid_state', { userMessage: 'Verify this billing method before making it the default.' });
    }
    await tx
      .update(billingMethods)
      .set({ isDefault: false })
      .where(
        and(
          eq(billingMethods.clientId, clientId),
          eq(billingMethods.isDefault, true),
          isNull(billingMethods.removedAt),
        ),
      );
    const [row] = await tx
      .update(billingMethods)
      .set({ isDefault: true })
      .where(eq(billingMethods.id, method.id))
      .returning();
    return row ?? method;
  });
}
