import { type Ctx, requireActor } from '../../server/context.ts';
import { type BillingMethod, listOwnBillingMethods } from './billing-method.ts';

/** The signed-in client's billing methods (default first) and whether they earn "payment verified". */
export async function listBillingMethods(ctx: Ctx): Promise<{ methods: BillingMethod[]; paymentVerified: boolean }> {
  const methods = await listOwnBillingMethods(ctx.db, requireActor(ctx).userId);
  return { methods, paymentVerified: methods.some((method) => method.status === 'verified') };
}
