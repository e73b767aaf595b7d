import { and, eq } from 'drizzle-orm';
import { notFound } from '../../platform/errors.ts';
import type { Ctx } from '../../server/context.ts';
import { actingAsFreelancer } from './access.ts';
import { UUID } from './job-rows.ts';
import { savedSearches } from './tables.ts';

/** DELETE /api/saved-searches/:id: only the freelancer's own; anyone else's is a 404. */
export async function deleteSavedSearch(ctx: Ctx, id: string): Promise<void> {
  const actor = actingAsFreelancer(ctx);
  if (!UUID.test(id)) throw notFound('Saved search');
  const deleted = await ctx.db
    .delete(savedSearches)
    .where(and(eq(savedSearches.id, id), eq(savedSearches.freelancerId, actor.userId)))
    .returning({ id: savedSearches.id });
  if (deleted.length === 0) throw notFound('Saved search');
}
