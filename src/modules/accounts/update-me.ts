import { eq } from 'drizzle-orm';
import { invalidField, notFound } from '../../platform/errors.ts';
import type { Ctx } from '../../server/context.ts';
import { requireActor } from '../../server/context.ts';
import { type Account, DISPLAY_NAME_MAX_LENGTH, toAccount } from './account.ts';
import { users } from './tables.ts';

/** Changes the name other users see. */
export async function updateMe(ctx: Ctx, input: { displayName: string }): Promise<Account> {
  const actor = requireActor(ctx);
  const displayName = input.displayName.trim();
  if (displayName.length === 0) throw invalidField('displayName', 'Enter your name.');
  if (displayName.length > DISPLAY_NAME_MAX_LENGTH) {
    throw invalidField('displayName', `Use at most ${DISPLAY_NAME_MAX_LENGTH} characters.`);
  }
  const [row] = await ctx.tx((tx) =>
    tx.update(users).set({ displayName }).where(eq(users.id, actor.userId)).returning(),
  );
  if (!row) throw notFound('The account');
  return toAccount(row);
}
