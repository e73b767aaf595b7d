import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryPrepared } from '../../db/driver-query.ts';
import { MINUTE } from '../../platform/clock.ts';
import { hashSecret } from '../../platform/ids.ts';
import type { Actor, Role } from '../../server/context.ts';
import type { SessionCache } from './session-cache.ts';
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

interface SessionActorRow extends Record<string, unknown> {
  session_id: string;
  last_seen_at: Date;
  expires_at: Date;
  user_id: string;
  email: string;
  roles: string[];
  last_active_at: Date | null;
}

// Every signed-in request runs this: a named prepared statement, sent straight to the driver
// (parsed and planned once per connection, no query building), keeps it to one cheap round trip.
const SESSION_ACTOR_SQL = `
  select s.id as session_id, s.last_seen_at, s.expires_at, u.id as user_id, u.email, u.roles, u.last_active_at
    from sessions s join users u on u.id = s.user_id
   where s.token_hash = $1 and s.revoked_at is null and s.expires_at > $2
   limit 1`;

/**
 * Finds the user behind a session cookie value, if the session is live: from `cache` when this
 * process looked it up lately and nothing changed since, else from the database.
 */
export async function actorFromSession(
  db: Db,
  token: string,
  now: Date,
  cache: SessionCache | null = null,
): Promise<Actor | null> {
  const tokenHash = hashSecret(token);
  const cached = cache?.get(tokenHash, now);
  // Past the refresh interval the database is asked again, so "last seen" stays true.
  if (cached && !isStale(cached.lastSeenAt, now) && !isStale(cached.lastActiveAt, now)) return cached.actor;
  const mark = cache?.mark ?? 0;
  const [row] = await queryPrepared<SessionActorRow>(db, 'workroom_session_actor', SESSION_ACTOR_SQL, [tokenHash, now]);
  if (!row) return null;
  let { last_seen_at: lastSeenAt, last_active_at: lastActiveAt } = row;
  if (isStale(lastSeenAt, now)) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.session_id));
    lastSeenAt = now;
  }
  if (isStale(lastActiveAt, now)) {
    await touchUser(db, row.user_id, now);
    lastActiveAt = now;
  }
  const actor: Actor = {
    userId: row.user_id,
    email: row.email,
    roles: row.roles as Role[],
    sessionId: row.session_id,
    apiTokenId: null,
  };
  cache?.set(tokenHash, { actor, expiresAt: row.expires_at, lastSeenAt, lastActiveAt }, mark);
  return actor;
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
