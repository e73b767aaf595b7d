import { and, eq, isNull } from 'drizzle-orm';
import { AppError, notFound } from '../../platform/errors.ts';
import { hashSecret } from '../../platform/ids.ts';
import type { Ctx } from '../../server/context.ts';
import { type Account, toAccount } from './account.ts';
import { assertAcceptablePassword, hashPassword } from './passwords.ts';
import { type ClientInfo, revokeAllSessions, type StartedSession, startSession } from './sessions.ts';
import { passwordResets, users } from './tables.ts';

/**
 * Sets a new password from an emailed link (single use, one hour). Every session ends and any
 * account lock is lifted; the person is signed in with a fresh session.
 */
export async function confirmPasswordReset(
  ctx: Ctx,
  input: { token: string; newPassword: string; client: ClientInfo },
): Promise<{ account: Account; session: StartedSession }> {
  // Checked before the token is spent, so a weak choice does not burn the link.
  assertAcceptablePassword(input.newPassword, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  return ctx.tx(async (tx) => {
    const now = ctx.clock.now();
    const [reset] = await tx
      .select()
      .from(passwordResets)
      .where(eq(passwordResets.tokenHash, hashSecret(input.token)))
      .for('update');
    if (!reset) throw notFound('This reset link');
    if (reset.usedAt || reset.expiresAt <= now) {
      throw new AppError('gone', {
        userMessage: 'This reset link has expired or was already used. Ask for a new one.',
      });
    }
    // Spending every outstanding link: an older email must not undo this reset.
    await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt)));
    const [row] = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now, failedLoginCount: 0, lockedUntil: null, lastActiveAt: now })
      .where(eq(users.id, reset.userId))
      .returning();
    if (!row) throw notFound('The account');
    await revokeAllSessions(tx, row.id, now);
    const session = await startSession(tx, ctx, { userId: row.id, client: input.client });
    return { account: toAccount(row), session };
  });
}
