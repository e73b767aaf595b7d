import { eq } from 'drizzle-orm';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import type { Ctx } from '../../server/context.ts';
import { requireActor } from '../../server/context.ts';
import { type Account, toAccount } from './account.ts';
import { assertAcceptablePassword, hashPassword, verifyPassword } from './passwords.ts';
import { type ClientInfo, revokeAllSessions, type StartedSession, startSession } from './sessions.ts';
import { users } from './tables.ts';

/**
 * Replaces the password after checking the current one. Every session of the user ends (a
 * thief holding an old cookie is locked out); the caller gets a fresh one. API tokens stay.
 */
export async function changePassword(
  ctx: Ctx,
  input: { currentPassword: string; newPassword: string; client: ClientInfo },
): Promise<{ account: Account; session: StartedSession }> {
  const actor = requireActor(ctx);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId)).limit(1);
  if (!user) throw notFound('The account');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('validation_failed', {
      userMessage: 'The current password is incorrect.',
      fields: [{ field: 'currentPassword', message: 'The current password is incorrect.' }],
    });
  }
  assertAcceptablePassword(input.newPassword, 'newPassword');
  if (input.newPassword === input.currentPassword) {
    throw invalidField('newPassword', 'Choose a password different from the current one.');
  }
  const passwordHash = await hashPassword(input.newPassword);
  return ctx.tx(async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now, failedLoginCount: 0, lockedUntil: null })
      .where(eq(users.id, user.id))
      .returning();
    if (!row) throw notFound('The account');
    await revokeAllSessions(tx, user.id, now);
    const session = await startSession(tx, ctx, { userId: user.id, client: input.client });
    return { account: toAccount(row), session };
  });
}
