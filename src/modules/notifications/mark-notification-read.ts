import { and, eq, sql } from 'drizzle-orm';
import { notFound } from '../../platform/errors.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { publishLive } from '../../server/live.ts';
import type { NotificationRow } from './present.ts';
import { notifications } from './tables.ts';

/** Tells the user's other open tabs that the unread count changed. */
export const UNREAD_CHANGED_EVENT = 'notification.read';

/** Marks one of the caller's notifications read (idempotent); someone else's is a 404. */
export async function markNotificationRead(ctx: Ctx, input: { notificationId: string }): Promise<NotificationRow> {
  const actor = requireActor(ctx);
  return ctx.tx(async (tx) => {
    const [row] = await tx
      .update(notifications)
      // Reading twice keeps the first reading time.
      .set({ readAt: sql`coalesce(${notifications.readAt}, ${ctx.clock.now()})` })
      .where(and(eq(notifications.id, input.notificationId), eq(notifications.userId, actor.userId)))
      .returning();
    if (!row) throw notFound('This notification');
    await publishLive(tx, { userId: actor.userId, type: UNREAD_CHANGED_EVENT, data: {} });
    return row;
  });
}
