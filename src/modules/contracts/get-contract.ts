import { and, eq, or } from 'drizzle-orm';
import { notFound } from '../../platform/errors.ts';
import { type Ctx, hasRole, requireActor } from '../../server/context.ts';
import { type ContractView, viewContract } from './contract-view.ts';
import { contracts } from './tables.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** GET /api/contracts/:id: for its two parties and operators; 404 for anyone else. */
export async function getContract(ctx: Ctx, contractId: string): Promise<ContractView> {
  const actor = requireActor(ctx);
  if (!UUID.test(contractId)) throw notFound('Contract');
  const party = or(eq(contracts.clientId, actor.userId), eq(contracts.freelancerId, actor.userId));
  const [row] = await ctx.db
    .select()
    .from(contracts)
    .where(hasRole(actor, 'operator') ? eq(contracts.id, contractId) : and(eq(contracts.id, contractId), party));
  if (!row) throw notFound('Contract');
  return viewContract(ctx.db, row);
}
