import { and, count, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { notifications } from './tables.ts';

/** How many of the user's notifications are unread (the number on the bell). */
export async function countUnread(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.unread ?? 0;
}

/** The signed-in user's unread count. */
export async function getUnreadCount(ctx: Ctx): Promise<{ unreadCount: number }> {
  return { unreadCount: await countUnread(ctx.db, requireActor(ctx).userId) };
}
