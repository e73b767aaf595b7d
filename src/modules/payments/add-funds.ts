import { type Ctx, requireActor } from '../../server/context.ts';
import type { Charge } from './charge.ts';
import { chargeClient } from './charge-client.ts';

/** "Add funds": the signed-in client pays into their Workroom funding balance (no fee). */
export async function addFunds(
  ctx: Ctx,
  input: { amountCents: number; currency: string; billingMethodId?: string; idempotencyKey: string },
): Promise<Charge> {
  return chargeClient(ctx, { ...input, clientId: requireActor(ctx).userId, purpose: 'add_funds' });
}
