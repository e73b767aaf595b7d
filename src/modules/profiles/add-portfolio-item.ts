import { count, eq, sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Ctx } from '../../server/context.ts';
import { actingAs } from './access.ts';
import { loadPortfolio, type PortfolioItem } from './freelancer-profile.ts';
import { limits } from './limits.ts';
import { attachPortfolioFile } from './portfolio-files.ts';
import type { AddPortfolioItemInput } from './schemas.ts';
import { freelancerProfiles, portfolioItems } from './tables.ts';

/** Adds an item at the end of the caller's portfolio; the profile must have been saved first. */
export async function addPortfolioItem(ctx: Ctx, input: AddPortfolioItemInput): Promise<PortfolioItem> {
  const actor = actingAs(ctx, 'freelancer');
  return ctx.tx(async (tx) => {
    // Locking the profile row serialises concurrent adds, so the item cap cannot be raced past.
    const [profile] = await tx
      .select({ userId: freelancerProfiles.userId })
      .from(freelancerProfiles)
      .where(eq(freelancerProfiles.userId, actor.userId))
      .for('update');
    if (!profile) {
      throw new AppError('invalid_state', { userMessage: 'Save your profile first, then add portfolio items.' });
    }
    const [stats] = await tx
      .select({ items: count(), lastPosition: sql<number>`coalesce(max(${portfolioItems.position}), -1)::int` })
      .from(portfolioItems)
      .where(eq(portfolioItems.userId, actor.userId));
    if ((stats?.items ?? 0) >= limits.portfolioItemsMax) {
      throw new AppError('invalid_state', {
        userMessage: `A portfolio holds at most ${limits.portfolioItemsMax} items; remove one first.`,
      });
    }
    const id = newId();
    if (input.fileId) await attachPortfolioFile(tx, { fileId: input.fileId, uploadedBy: actor.userId, itemId: id });
    await tx.insert(portfolioItems).values({
      id,
      userId: actor.userId,
      title: input.title,
      description: input.description,
      url: input.url,
      fileId: input.fileId ?? null,
      position: (stats?.lastPosition ?? -1) + 1,
      createdAt: ctx.clock.now(),
    });
    return portfolioItemOf(await loadPortfolio(tx, actor.userId), id);
  });
}

export function portfolioItemOf(items: PortfolioItem[], id: string): PortfolioItem {
  const item = items.find((candidate) => candidate.id === id);
  if (!item) throw new AppError('internal', { userMessage: 'The portfolio item was not saved.' });
  return item;
}
