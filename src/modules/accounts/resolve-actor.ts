import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { MINUTE } from '../../platform/clock.ts';
import { hashSecret } from '../../platform/ids.ts';
import type { Actor, Role } from '../../server/context.ts';
import { apiTokens, sessions, users } from './tables.ts';

export const API_TOKEN_PREFIX = 'wr_';

/**
 * "Last seen" times are refreshed at most this often: writing on every request would turn
 * each read into a write for no useful precision.
 */
export const ACTIVITY_REFRESH_MS = 5 * MINUTE;

const isStale = (seenAt: Date | null, now: Date) => !seenAt || now.getTime() - seenAt.getTime() >= ACTIVITY_REFRESH_MS;

async function touchUser(db: Db, userId: string, now: Date): Promise<void> {
  const staleBefore = new Date(now.getTime() - ACTIVITY_REFRESH_MS);
  await db
    .update(users)
    .set({ lastActiveAt: now })
    .where(and(eq(users.id, userId), or(isNull(users.lastActiveAt), lt(users.lastActiveAt, staleBefore))));
}

/** Finds the user behind a session cookie value, if the session is live. */
export async function actorFromSession(db: Db, token: string, now: Date): Promise<Actor | null> {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      email: users.email,
      roles: users.roles,
      lastActiveAt: users.lastActiveAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashSecret(token)), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .limit(1);
  if (!row) return null;
  if (isStale(row.lastSeenAt, now)) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.sessionId));
  }
  if (isStale(row.lastActiveAt, now)) await touchUser(db, row.userId, now);
  return {
    userId: row.userId,
    email: row.email,
    roles: row.roles as Role[],
    sessionId: row.sessionId,
    apiTokenId: null,
  };
}

/** Finds the user behind a personal API token sent as `Authorization: Bearer wr_...`. */
export async function actorFromApiToken(db: Db, token: string, now: Date): Promise<Actor | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      lastUsedAt: apiTokens.lastUsedAt,
      userId: users.id,
      email: users.email,
      roles: users.roles,
      lastActiveAt: users.lastActiveAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashSecret(token)), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row) return null;
  if (isStale(row.lastUsedAt, now)) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId));
  }
  if (isStale(row.lastActiveAt, now)) await touchUser(db, row.userId, now);
  return { userId: row.userId, email: row.email, roles: row.roles as Role[], sessionId: null, apiTokenId: row.tokenId };
}
