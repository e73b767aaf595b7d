import { and, eq, inArray } from 'drizzle-orm';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Ctx } from '../../server/context.ts';
import { requireOperator } from './list-outbox.ts';
import type { OutboxRow } from './present.ts';
import { emailOutbox } from './tables.ts';

/**
 * Queues a held or failed email again with a fresh set of attempts. Held emails are not sent
 * automatically once SMTP is configured: an old reset link or a stale alert may no longer be wanted.
 */
export async function retryOutboxEmail(ctx: Ctx, input: { emailId: string }): Promise<OutboxRow> {
  requireOperator(ctx);
  return ctx.tx(async (tx) => {
    const [row] = await tx
      .update(emailOutbox)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: ctx.clock.now(), claimedAt: null })
      .where(and(eq(emailOutbox.id, input.emailId), inArray(emailOutbox.status, ['held', 'failed'])))
      .returning();
    if (row) return row;
    const [existing] = await tx
      .select({ status: emailOutbox.status })
      .from(emailOutbox)
      .where(eq(emailOutbox.id, input.emailId));
    if (!existing) throw notFound('This email');
    throw new AppError('invalid_state', {
      userMessage: `This email is ${existing.status}; only held or failed emails can be queued again.`,
      details: { status: existing.status },
    });
  });
}
