import { type Ctx, requireActor } from '../../server/context.ts';
import { type Charge, listOwnCharges } from './charge.ts';

/** The signed-in client's charges, newest first. */
export async function listCharges(ctx: Ctx, input: { limit: number }): Promise<Charge[]> {
  return listOwnCharges(ctx.db, requireActor(ctx).userId, input.limit);
}
