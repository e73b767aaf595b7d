import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Ctx } from '../../server/context.ts';
import { requireActor } from '../../server/context.ts';
import { sessions } from './tables.ts';

export interface SessionView {
  id: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

/** The caller's live sessions (devices signed in), most recently used first. */
export async function listSessions(ctx: Ctx): Promise<SessionView[]> {
  const actor = requireActor(ctx);
  const rows = await ctx.db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, actor.userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, ctx.clock.now())))
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt));
  return rows.map((row) => ({
    id: row.id,
    userAgent: row.userAgent,
    ip: row.ip,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    current: row.id === actor.sessionId,
  }));
}
