import { and, eq, isNull } from 'drizzle-orm';
import { notFound } from '../../platform/errors.ts';
import type { Ctx } from '../../server/context.ts';
import { requireActor } from '../../server/context.ts';
import { apiTokens } from './tables.ts';

/** Revokes one of the caller's API tokens: the next request using it gets a 401. */
export async function revokeApiToken(ctx: Ctx, input: { tokenId: string }): Promise<void> {
  const actor = requireActor(ctx);
  const revoked = await ctx.tx((tx) =>
    tx
      .update(apiTokens)
      .set({ revokedAt: ctx.clock.now() })
      .where(and(eq(apiTokens.id, input.tokenId), eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id }),
  );
  if (revoked.length === 0) throw notFound('The API token');
}
