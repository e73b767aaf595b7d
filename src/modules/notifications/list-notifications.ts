import { and, desc, eq, sql } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../server/context.ts';
import { decodeCursor, encodeCursor } from './keyset-cursor.ts';
import type { NotificationRow } from './present.ts';
import { notifications } from './tables.ts';
import { countUnread } from './unread-count.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface NotificationPage {
  items: NotificationRow[];
  nextCursor: string | null;
  unreadCount: number;
}

/** The signed-in user's notifications, newest first, one keyset page at a time. */
export async function listNotifications(
  ctx: Ctx,
  input: { cursor?: string | undefined; limit?: number | undefined },
): Promise<NotificationPage> {
  const actor = requireActor(ctx);
  const limit = input.limit ?? DEFAULT_PAGE_SIZE;
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const mine = eq(notifications.userId, actor.userId);
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(
      after
        ? and(mine, sql`(${notifications.createdAt}, ${notifications.id}) < (${after.createdAt}, ${after.id})`)
        : mine,
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
    unreadCount: await countUnread(ctx.db, actor.userId),
  };
}
