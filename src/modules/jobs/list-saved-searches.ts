import { desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../server/context.ts';
import { actingAsFreelancer } from './access.ts';
import type { SavedSearchRow } from './create-saved-search.ts';
import { savedSearches } from './tables.ts';

/** GET /api/saved-searches: the freelancer's saved searches, newest first. */
export async function listSavedSearches(ctx: Ctx): Promise<SavedSearchRow[]> {
  const actor = actingAsFreelancer(ctx);
  return ctx.db
    .select()
    .from(savedSearches)
    .where(eq(savedSearches.freelancerId, actor.userId))
    .orderBy(desc(savedSearches.createdAt), desc(savedSearches.id));
}
