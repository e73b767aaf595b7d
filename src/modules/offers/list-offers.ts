import { and, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import { invalidField } from '../../platform/errors.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import type { OfferState } from './limits.ts';
import { type OfferView, viewOffer } from './offer-view.ts';
import { offers } from './tables.ts';

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const date = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(date.getTime())) {
    throw invalidField('cursor', 'Not a cursor from this list.');
  }
  return { at: date, id };
}

/** GET /api/offers: offers the caller sent (as client) or received (as freelancer), newest first. */
export async function listOffers(
  ctx: Ctx,
  input: {
    role?: 'client' | 'freelancer' | undefined;
    state?: OfferState | undefined;
    cursor?: string | undefined;
    limit: number;
  },
): Promise<{ items: OfferView[]; nextCursor: string | null }> {
  const actor = requireActor(ctx);
  const conditions: SQL[] = [];
  if (input.role === 'client') conditions.push(eq(offers.clientId, actor.userId));
  else if (input.role === 'freelancer') conditions.push(eq(offers.freelancerId, actor.userId));
  else conditions.push(or(eq(offers.clientId, actor.userId), eq(offers.freelancerId, actor.userId)) as SQL);
  if (input.state) conditions.push(eq(offers.state, input.state));
  if (input.cursor) {
    const after = decodeCursor(input.cursor);
    conditions.push(sql`(${offers.createdAt}, ${offers.id}) < (${after.at}, ${after.id})`);
  }
  const rows = await ctx.db
    .select()
    .from(offers)
    .where(and(...conditions))
    .orderBy(desc(offers.createdAt), desc(offers.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const now = ctx.clock.now();
  const items: OfferView[] = [];
  for (const row of page) items.push(await viewOffer(ctx.db, row, now));
  const last = page.at(-1);
  return {
    items,
    nextCursor:
      rows.length > input.limit && last
        ? Buffer.from(`${last.createdAt.toISOString()}|${last.id}`).toString('base64url')
        : null,
  };
}
