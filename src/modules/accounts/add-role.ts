import { eq, sql } from 'drizzle-orm';
import { invalidField, notFound } from '../../platform/errors.ts';
import type { Ctx } from '../../server/context.ts';
import { requireActor } from '../../server/context.ts';
import { type Account, toAccount } from './account.ts';
import { users } from './tables.ts';

/** A client may also become a freelancer and vice versa; operator is never self-granted. */
export async function addRole(ctx: Ctx, input: { role: 'client' | 'freelancer' }): Promise<Account> {
  const actor = requireActor(ctx);
  if (input.role !== 'client' && input.role !== 'freelancer') {
    throw invalidField('role', 'Choose client or freelancer.');
  }
  const [row] = await ctx.tx((tx) =>
    tx
      .update(users)
      // Appending only when absent keeps the operation idempotent.
      .set({
        roles: sql`case when ${input.role} = any(${users.roles}) then ${users.roles} else array_append(${users.roles}, ${input.role}::text) end`,
      })
      .where(eq(users.id, actor.userId))
      .returning(),
  );
  if (!row) throw notFound('The account');
  return toAccount(row);
}
