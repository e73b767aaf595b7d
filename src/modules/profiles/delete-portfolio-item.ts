import { and, eq } from 'drizzle-orm';
import { notFound } from '../../platform/errors.ts';
import type { Ctx } from '../../server/context.ts';
import { actingAs } from './access.ts';
import { detachPortfolioFiles } from './portfolio-files.ts';
import { portfolioItems } from './tables.ts';

/** Removes one of the caller's portfolio items; anyone else's is a 404. */
export async function deletePortfolioItem(ctx: Ctx, itemId: string): Promise<void> {
  const actor = actingAs(ctx, 'freelancer');
  await ctx.tx(async (tx) => {
    const deleted = await tx
      .delete(portfolioItems)
      .where(and(eq(portfolioItems.id, itemId), eq(portfolioItems.userId, actor.userId)))
      .returning({ id: portfolioItems.id });
    if (deleted.length === 0) throw notFound('Portfolio item');
    await detachPortfolioFiles(tx, itemId);
  });
}
