import { and, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../server/context.ts';
import { requireActor } from '../../server/context.ts';
import { sessions } from './tables.ts';

/** Ends the caller's session; a script using an API token has no session to end. */
export async function logOut(ctx: Ctx): Promise<void> {
  const actor = requireActor(ctx);
  if (!actor.sessionId) return;
  const sessionId = actor.sessionId;
  await ctx.tx((tx) =>
    tx
      .update(sessions)
      .set({ revokedAt: ctx.clock.now() })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt))),
  );
}
