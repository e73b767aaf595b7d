import { and, eq, gt, isNull } from 'drizzle-orm';
import { notFound } from '../../platform/errors.ts';
import type { Ctx } from '../../server/context.ts';
import { requireActor } from '../../server/context.ts';
import { sessions } from './tables.ts';

/** Signs out one of the caller's devices; anyone else's session is "not found". */
export async function revokeSession(ctx: Ctx, input: { sessionId: string }): Promise<{ wasCurrent: boolean }> {
  const actor = requireActor(ctx);
  const now = ctx.clock.now();
  const revoked = await ctx.tx((tx) =>
    tx
      .update(sessions)
      .set({ revokedAt: now })
      .where(
        and(
          eq(sessions.id, input.sessionId),
          eq(sessions.userId, actor.userId),
          isNull(sessions.revokedAt),
          gt(sessions.expiresAt, now),
        ),
      )
      .returning({ id: sessions.id }),
  );
  if (revoked.length === 0) throw notFound('The session');
  return { wasCurrent: input.sessionId === actor.sessionId };
}
