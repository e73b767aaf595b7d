import { and, count, eq, gt } from 'drizzle-orm';
import { HOUR } from '../../platform/clock.ts';
import { hashSecret, newId, newSecret } from '../../platform/ids.ts';
import type { Ctx } from '../../server/context.ts';
import { enqueueEmail } from '../notifications/enqueue-email.ts';
import { normalizeEmail } from './account.ts';
import { passwordResets, users } from './tables.ts';

export const PASSWORD_RESET_TTL_MS = HOUR;
/** More reset emails than this per hour to one person is abuse, not forgetfulness. */
const MAX_RESETS_PER_HOUR = 3;

/**
 * Emails a single-use reset link when the address has an account. The caller always answers
 * the same way, so the endpoint cannot be used to find out who has an account.
 */
export async function requestPasswordReset(ctx: Ctx, input: { email: string }): Promise<void> {
  await ctx.tx(async (tx) => {
    const now = ctx.clock.now();
    const [user] = await tx
      .select({ id: users.id, email: users.email, displayName: users.displayName })
      .from(users)
      .where(eq(users.email, normalizeEmail(input.email)))
      .limit(1)
      .for('update');
    if (!user) return;
    const [recent] = await tx
      .select({ total: count() })
      .from(passwordResets)
      .where(and(eq(passwordResets.userId, user.id), gt(passwordResets.createdAt, new Date(now.getTime() - HOUR))));
    if ((recent?.total ?? 0) >= MAX_RESETS_PER_HOUR) return;

    const token = newSecret();
    await tx.insert(passwordResets).values({
      id: newId(),
      userId: user.id,
      tokenHash: hashSecret(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS),
    });
    const link = `${ctx.config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
    await enqueueEmail(tx, ctx.clock, {
      userId: user.id,
      to: user.email,
      kind: 'accounts.password_reset',
      subject: 'Reset your Workroom password',
      text: [
        `Hello ${user.displayName},`,
        '',
        'Someone (hopefully you) asked to reset the password of your Workroom account.',
        'Open this link within one hour to choose a new password:',
        '',
        link,
        '',
        'If you did not ask for this, ignore this email: your password stays unchanged.',
      ].join('\n'),
    });
  });
}
