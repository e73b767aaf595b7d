import { type Ctx, requireActor } from '../../server/context.ts';
import { termsForReader } from './access.ts';
import { changesOf, type TermsChangeView, viewChanges } from './change-view.ts';

/** GET /api/contracts/:id/terms-changes: every proposed change, newest first (parties and operators). */
export async function listTermsChanges(ctx: Ctx, contractId: string): Promise<TermsChangeView[]> {
  const actor = requireActor(ctx);
  const contract = await termsForReader(ctx.db, actor, contractId);
  return viewChanges(ctx.db, contract, actor, await changesOf(ctx.db, contract.contractId));
}
