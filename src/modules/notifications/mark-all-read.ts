import { and, eq, isNull } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../server/context.ts';
import { publishLive } from '../../server/live.ts';
import { UNREAD_CHANGED_EVENT } from './mark-notification-read.ts';
import { notifications } from './tables.ts';

/** Marks every unread notification of the caller read. */
export async function markAllNotificationsRead(ctx: Ctx): Promise<{ unreadCount: 0; marked: number }> {
  const actor = requireActor(ctx);
  return ctx.tx(async (tx) => {
    const marked = await tx
      .update(notifications)
      .set({ readAt: ctx.clock.now() })
      .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    if (marked.length > 0) await publishLive(tx, { userId: actor.userId, type: UNREAD_CHANGED_EVENT, data: {} });
    return { unreadCount: 0 as const, marked: marked.length };
  });
}
