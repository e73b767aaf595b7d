import { and, count, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { DAY } from '../../platform/clock.ts';
import type { Ctx } from '../../server/context.ts';
import { removeBlob } from './blob-store.ts';
import { storedFiles } from './tables.ts';

/** An upload never attached (an abandoned form) or later detached is kept this long, then removed. */
export const UNATTACHED_FILE_TTL_MS = DAY;
const BATCH = 500;

/**
 * Deletes unattached files older than a day, and each blob no other row still uses. The blob check
 * holds the same per-blob lock as an upload, so a blob is never removed under a new upload of it.
 */
export async function removeUnattachedFiles(ctx: Ctx): Promise<{ processed: number }> {
  const cutoff = new Date(ctx.clock.now().getTime() - UNATTACHED_FILE_TTL_MS);
  let processed = 0;
  for (;;) {
    const removed = await ctx.tx(async (tx) => {
      const expired = tx
        .select({ id: storedFiles.id })
        .from(storedFiles)
        .where(and(isNull(storedFiles.ownerId), lt(storedFiles.createdAt, cutoff)))
        .limit(BATCH);
      return tx.delete(storedFiles).where(inArray(storedFiles.id, expired)).returning({ sha256: storedFiles.sha256 });
    });
    processed += removed.length;
    for (const sha256 of new Set(removed.map((row) => row.sha256))) {
      await ctx.tx(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`workroom-blob:${sha256}`}))`);
        const [users] = await tx.select({ n: count() }).from(storedFiles).where(eq(storedFiles.sha256, sha256));
        if (users?.n === 0) await removeBlob(ctx.config.dataDir, sha256);
      });
    }
    if (removed.length < BATCH) return { processed };
  }
}
