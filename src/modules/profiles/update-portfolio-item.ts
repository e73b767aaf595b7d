import { and, eq } from 'drizzle-orm';
import { notFound } from '../../platform/errors.ts';
import type { Ctx } from '../../server/context.ts';
import { actingAs } from './access.ts';
import { portfolioItemOf } from './add-portfolio-item.ts';
import { loadPortfolio, type PortfolioItem } from './freelancer-profile.ts';
import { attachPortfolioFile, detachPortfolioFiles } from './portfolio-files.ts';
import type { UpdatePortfolioItemInput } from './schemas.ts';
import { portfolioItems } from './tables.ts';

/** Changes the given fields of one of the caller's portfolio items; anyone else's is a 404. */
export async function updatePortfolioItem(
  ctx: Ctx,
  itemId: string,
  input: UpdatePortfolioItemInput,
): Promise<PortfolioItem> {
  const actor = actingAs(ctx, 'freelancer');
  return ctx.tx(async (tx) => {
    const [item] = await tx
      .select()
      .from(portfolioItems)
      .where(and(eq(portfolioItems.id, itemId), eq(portfolioItems.userId, actor.userId)))
      .for('update');
    if (!item) throw notFound('Portfolio item');
    if (input.fileId !== undefined && input.fileId !== item.fileId) {
      await detachPortfolioFiles(tx, itemId);
      if (input.fileId) await attachPortfolioFile(tx, { fileId: input.fileId, uploadedBy: actor.userId, itemId });
    }
    await tx
      .update(portfolioItems)
      .set({
        title: input.title ?? item.title,
        description: input.description ?? item.description,
        url: input.url === undefined ? item.url : input.url,
        fileId: input.fileId === undefined ? item.fileId : input.fileId,
      })
      .where(eq(portfolioItems.id, itemId));
    return portfolioItemOf(await loadPortfolio(tx, actor.userId), itemId);
  });
}
