import { eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.ts';
import type { Ctx } from '../../server/context.ts';
import { type Account, normalizeEmail, toAccount } from './account.ts';
import { verifyAgainstDecoy, verifyPassword } from './passwords.ts';
import { type ClientInfo, revokeSessionByToken, type StartedSession, startSession } from './sessions.ts';
import { users } from './tables.ts';

/** Failures allowed in a row before the account locks. */
export const FAILURES_BEFORE_LOCK = 5;
const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

/** 30 s at the 5th failure in a row, doubling with each further failure, at most 15 minutes. */
export function lockDurationMs(consecutiveFailures: number): number {
  if (consecutiveFailures < FAILURES_BEFORE_LOCK) return 0;
  const doublings = Math.min(consecutiveFailures - FAILURES_BEFORE_LOCK, 10);
  return Math.min(FIRST_LOCK_MS * 2 ** doublings, MAX_LOCK_MS);
}

function lockedError(lockedUntil: Date, now: Date): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
  return new AppError('rate_limited', {
    userMessage: `Too many failed sign-in attempts. Try again in ${retryAfterSeconds} seconds.`,
    retryAfterSeconds,
  });
}

// One message for an unknown email and a wrong password: sign-in must not reveal who has an account.
const invalidCredentials = () => new AppError('invalid_credentials');

/**
 * Signs a user in with a brand-new session (the old cookie's session, if any, is ended).
 * Repeated failures lock the account for a growing period measured by ctx.clock.
 */
export async function logIn(
  ctx: Ctx,
  input: { email: string; password: string; client: ClientInfo; previousSessionToken: string | null },
): Promise<{ account: Account; session: StartedSession }> {
  const [user] = await ctx.db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(input.email)))
    .limit(1);
  if (!user) {
    await verifyAgainstDecoy(input.password);
    throw invalidCredentials();
  }
  if (user.lockedUntil && user.lockedUntil > ctx.clock.now()) throw lockedError(user.lockedUntil, ctx.clock.now());

  const passwordMatches = await verifyPassword(user.passwordHash, input.password);
  if (!passwordMatches) {
    await recordFailedLogin(ctx, user.id);
    throw invalidCredentials();
  }

  return ctx.tx(async (tx) => {
    const now = ctx.clock.now();
    // Re-read under a lock: a parallel failure may have locked the account meanwhile.
    const [current] = await tx.select().from(users).where(eq(users.id, user.id)).for('update');
    if (!current || current.passwordHash !== user.passwordHash) throw invalidCredentials();
    if (current.lockedUntil && current.lockedUntil > now) throw lockedError(current.lockedUntil, now);
    await tx
      .update(users)
      .set({ failedLoginCount: 0, lockedUntil: null, lastActiveAt: now })
      .where(eq(users.id, user.id));
    if (input.previousSessionToken) await revokeSessionByToken(tx, input.previousSessionToken, now);
    const session = await startSession(tx, ctx, { userId: user.id, client: input.client });
    return { account: toAccount(current), session };
  });
}

async function recordFailedLogin(ctx: Ctx, userId: string): Promise<void> {
  await ctx.tx(async (tx) => {
    const [current] = await tx
      .select({ failedLoginCount: users.failedLoginCount })
      .from(users)
      .where(eq(users.id, userId))
      .for('update');
    if (!current) return;
    const failures = current.failedLoginCount + 1;
    const lockMs = lockDurationMs(failures);
    const now = ctx.clock.now();
    await tx
      .update(users)
      .set({ failedLoginCount: failures, lockedUntil: lockMs > 0 ? new Date(now.getTime() + lockMs) : null })
      .where(eq(users.id, userId));
  });
}
