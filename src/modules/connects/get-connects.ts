import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { type Ctx, hasRole, requireActor } from '../../server/context.ts';
import { connectsRules } from './rules.ts';
import { connectsEntries, connectsLots } from './tables.ts';

export type ConnectsEntry = typeof connectsEntries.$inferSelect;
export type ConnectsLotRow = typeof connectsLots.$inferSelect;

export interface ConnectsOverview {
  /** Connects that can be spent now (unexpired lots). */
  balance: number;
  lots: ConnectsLotRow[];
  history: ConnectsEntry[];
  nextCursor: string | null;
  bundles: { connects: number; priceCents: number; currency: string }[];
  monthlyGrant: number;
}

/** The Connects a user can spend now: what is left of their unexpired lots. */
export async function spendableConnects(executor: Executor, userId: string, now: Date): Promise<number> {
  const [row] = await executor
    .select({ total: sql<number>`coalesce(sum(${connectsLots.remaining}), 0)::int` })
    .from(connectsLots)
    .where(and(eq(connectsLots.userId, userId), gt(connectsLots.remaining, 0), gt(connectsLots.expiresAt, now)));
  return row?.total ?? 0;
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime())) throw invalidField('cursor', 'Not a cursor from this list.');
  return { at: date, id };
}

const encodeCursor = (entry: ConnectsEntry) =>
  Buffer.from(`${entry.createdAt.toISOString()}|${entry.id}`).toString('base64url');

/** GET /api/connects: the freelancer's balance, lots with their expiry, and history (newest first). */
export async function getConnects(
  ctx: Ctx,
  input: { cursor?: string | undefined; limit: number },
): Promise<ConnectsOverview> {
  const actor = requireActor(ctx);
  if (!hasRole(actor, 'freelancer'))
    throw new AppError('forbidden', { userMessage: 'Only freelancers have Connects.' });
  const now = ctx.clock.now();
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const mine = eq(connectsEntries.userId, actor.userId);
  const [lots, entries, balance] = await Promise.all([
    ctx.db
      .select()
      .from(connectsLots)
      .where(and(eq(connectsLots.userId, actor.userId), gt(connectsLots.remaining, 0), gt(connectsLots.expiresAt, now)))
      .orderBy(asc(connectsLots.expiresAt), asc(connectsLots.id)),
    ctx.db
      .select()
      .from(connectsEntries)
      .where(
        after
          ? and(mine, sql`(${connectsEntries.createdAt}, ${connectsEntries.id}) < (${after.at}, ${after.id})`)
          : mine,
      )
      .orderBy(desc(connectsEntries.createdAt), desc(connectsEntries.id))
      .limit(input.limit + 1),
    spendableConnects(ctx.db, actor.userId, now),
  ]);
  const page = entries.slice(0, input.limit);
  const last = page.at(-1);
  return {
    balance,
    lots,
    history: page,
    nextCursor: entries.length > input.limit && last ? encodeCursor(last) : null,
    bundles: connectsRules.bundles.map((connects) => ({
      connects,
      priceCents: connects * connectsRules.priceCentsEach,
      currency: connectsRules.priceCurrency,
    })),
    monthlyGrant: connectsRules.monthlyGrant,
  };
}
