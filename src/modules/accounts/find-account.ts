import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { type Account, normalizeEmail, toAccount } from './account.ts';
import { users } from './tables.ts';

export async function findAccountByEmail(executor: Executor, email: string): Promise<Account | null> {
  const [row] = await executor
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .limit(1);
  return row ? toAccount(row) : null;
}

export async function getAccount(executor: Executor, userId: string): Promise<Account> {
  const [row] = await executor.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!row) throw notFound('The account');
  return toAccount(row);
}

/** The signed-in user's own account. */
export async function getMe(ctx: Ctx): Promise<Account> {
  return getAccount(ctx.db, requireActor(ctx).userId);
}
