import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Tx } from '../../db/transaction.ts';
import { attachFile, detachFiles, type FileReadRule, getFilesMeta } from '../files/index.ts';
import { portfolioItems } from './tables.ts';

/** The upload `purpose` and file owner kind for portfolio files. */
export const PORTFOLIO_FILE_KIND = 'portfolio';

/** An uploaded portfolio file as shown on the profile. */
export interface PortfolioFile {
  id: string;
  url: string;
  contentType: string;
  name: string;
}

export async function portfolioFiles(executor: Executor, ids: string[]): Promise<Map<string, PortfolioFile>> {
  const files = await getFilesMeta(executor, ids);
  return new Map(
    [...files.values()].map((file) => [
      file.id,
      { id: file.id, url: file.url, contentType: file.contentType, name: file.name },
    ]),
  );
}

/** Attaches the caller's own upload to a portfolio item; anything else is a 400 on `fileId`. */
export async function attachPortfolioFile(
  tx: Tx,
  input: { fileId: string; uploadedBy: string; itemId: string },
): Promise<void> {
  await attachFile(tx, {
    fileId: input.fileId,
    ownerKind: PORTFOLIO_FILE_KIND,
    ownerId: input.itemId,
    uploadedBy: input.uploadedBy,
    field: 'fileId',
  });
}

/** Releases an item's files (replaced or deleted): they stop being public and are cleaned up later. */
export async function detachPortfolioFiles(tx: Tx, itemId: string): Promise<void> {
  await detachFiles(tx, { ownerKind: PORTFOLIO_FILE_KIND, ownerId: itemId });
}

/**
 * Portfolios are public, so anyone may download a portfolio file, as long as an item still
 * shows it (a replaced or deleted item's file is private again).
 */
export const canReadPortfolioFile: FileReadRule = async (ctx, file) => {
  if (!file.ownerId) return false;
  const [item] = await ctx.db
    .select({ id: portfolioItems.id })
    .from(portfolioItems)
    .where(and(eq(portfolioItems.id, file.ownerId), eq(portfolioItems.fileId, file.id)));
  return Boolean(item);
};
