import { count, eq, sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Ctx } from '../../server/context.ts';
import { actingAsFreelancer } from './access.ts';
import { jobLimits } from './limits.ts';
import { normalizeSearchParams } from './search-params.ts';
import type { CreateSavedSearchInput } from './search-schemas.ts';
import { savedSearches } from './tables.ts';

export type SavedSearchRow = typeof savedSearches.$inferSelect;

/** POST /api/saved-searches: keeps a search; new jobs matching it will notify the freelancer. */
export async function createSavedSearch(ctx: Ctx, input: CreateSavedSearchInput): Promise<SavedSearchRow> {
  const actor = actingAsFreelancer(ctx);
  return ctx.tx(async (tx) => {
    // Serializes this freelancer's concurrent saves so the limit below holds.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`saved-searches:${actor.userId}`}))`);
    const [existing] = await tx
      .select({ n: count() })
      .from(savedSearches)
      .where(eq(savedSearches.freelancerId, actor.userId));
    if ((existing?.n ?? 0) >= jobLimits.savedSearchesMax) {
      throw new AppError('conflict', {
        userMessage: `You can keep at most ${jobLimits.savedSearchesMax} saved searches; delete one first.`,
      });
    }
    const [row] = await tx
      .insert(savedSearches)
      .values({
        id: newId(),
        freelancerId: actor.userId,
        name: input.name,
        query: normalizeSearchParams(input.query) as Record<string, unknown>,
        createdAt: ctx.clock.now(),
      })
      .returning();
    return row as SavedSearchRow;
  });
}
