import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { DAY } from '../../platform/clock.ts';
import { hashSecret, newId, newSecret } from '../../platform/ids.ts';
import type { Services } from '../../server/context.ts';
import { sessions } from './tables.ts';

/** Where a session was started from, shown in the sessions list in settings. */
export interface ClientInfo {
  userAgent: string | null;
  ip: string | null;
}

export interface StartedSession {
  sessionId: string;
  /** The cookie value; only its hash is stored. */
  token: string;
  expiresAt: Date;
}

/** Opens a new session (a fresh random token every time: sessions rotate at each sign-in). */
export async function startSession(
  tx: Executor,
  services: Pick<Services, 'clock' | 'config'>,
  input: { userId: string; client: ClientInfo },
): Promise<StartedSession> {
  const now = services.clock.now();
  const token = newSecret();
  const sessionId = newId();
  const expiresAt = new Date(now.getTime() + services.config.SESSION_TTL_DAYS * DAY);
  await tx.insert(sessions).values({
    id: sessionId,
    userId: input.userId,
    tokenHash: hashSecret(token),
    userAgent: input.client.userAgent?.slice(0, 300) ?? null,
    ip: input.client.ip,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { sessionId, token, expiresAt };
}

/** Ends the session a cookie names, whoever it belongs to (a browser switching accounts). */
export async function revokeSessionByToken(tx: Executor, token: string, now: Date): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.tokenHash, hashSecret(token)), isNull(sessions.revokedAt)));
}

/** Ends every live session of a user (password change or reset). */
export async function revokeAllSessions(tx: Executor, userId: string, now: Date): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
