import { and, desc, eq, or, sql } from 'drizzle-orm';
import { invalidField } from '../../platform/errors.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { type ContractView, viewContract } from './contract-view.ts';
import { contracts } from './tables.ts';

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(date.getTime())) {
    throw invalidField('cursor', 'Not a cursor from this list.');
  }
  return { at: date, id };
}

/** GET /api/contracts: the caller's contracts as client or freelancer, newest first. */
export async function listContracts(
  ctx: Ctx,
  input: { role?: 'client' | 'freelancer' | undefined; cursor?: string | undefined; limit: number },
): Promise<{ items: ContractView[]; nextCursor: string | null }> {
  const actor = requireActor(ctx);
  const mine =
    input.role === 'client'
      ? eq(contracts.clientId, actor.userId)
      : input.role === 'freelancer'
        ? eq(contracts.freelancerId, actor.userId)
        : or(eq(contracts.clientId, actor.userId), eq(contracts.freelancerId, actor.userId));
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await ctx.db
    .select()
    .from(contracts)
    .where(after ? and(mine, sql`(${contracts.createdAt}, ${contracts.id}) < (${after.at}, ${after.id})`) : mine)
    .orderBy(desc(contracts.createdAt), desc(contracts.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const items: ContractView[] = [];
  for (const row of page) items.push(await viewContract(ctx.db, row));
  return {
    items,
    nextCursor:
      rows.length > input.limit && last
        ? Buffer.from(`${last.createdAt.toISOString()}|${last.id}`).toString('base64url')
        : null,
  };
}
