import { type Ctx, requireActor } from '../../server/context.ts';
import { listLivePayoutMethods, type PayoutMethod } from './payout-method.ts';

/** The signed-in freelancer's payout methods, oldest first. */
export async function listPayoutMethods(ctx: Ctx): Promise<PayoutMethod[]> {
  return listLivePayoutMethods(ctx.db, requireActor(ctx).userId);
}
