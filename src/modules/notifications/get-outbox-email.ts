import { eq } from 'drizzle-orm';
import { notFound } from '../../platform/errors.ts';
import type { Ctx } from '../../server/context.ts';
import { requireOperator } from './list-outbox.ts';
import type { OutboxRow } from './present.ts';
import { emailOutbox } from './tables.ts';

/**
 * One outbox email with its text, for operators. Without SMTP this is how a held message
 * (say, a password reset link) can still be passed on to the person by hand.
 */
export async function getOutboxEmail(ctx: Ctx, input: { emailId: string }): Promise<OutboxRow> {
  requireOperator(ctx);
  const [row] = await ctx.db.select().from(emailOutbox).where(eq(emailOutbox.id, input.emailId));
  if (!row) throw notFound('This email');
  return row;
}
