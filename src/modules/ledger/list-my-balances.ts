import { type Ctx, requireActor } from '../../server/context.ts';
import { type AccountBalance, balancesFor } from './accounts.ts';

/** The caller's own ledger accounts (funding, earnings stages, Connects) with their balances. */
export async function listMyBalances(ctx: Ctx): Promise<AccountBalance[]> {
  const actor = requireActor(ctx);
  return balancesFor(ctx.db, { ownerKind: 'user', ownerId: actor.userId });
}
