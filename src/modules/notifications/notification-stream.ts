import type { ServerResponse } from 'node:http';
import { type Ctx, requireActor } from '../../server/context.ts';
import { type LiveStream, openLiveStream } from '../../server/live-stream.ts';
import { UNREAD_CHANGED_EVENT } from './mark-notification-read.ts';
import { NOTIFICATION_EVENT, type NotificationLiveData } from './notify.ts';
import { countUnread } from './unread-count.ts';

/**
 * Serves the caller's notifications as Server-Sent Events on an already hijacked response:
 * `event: unread` {unreadCount} on connect and whenever the count changes elsewhere, and
 * `event: notification` {notification, unreadCount} for each new notification.
 */
export async function streamNotifications(
  ctx: Ctx,
  response: ServerResponse,
  connection: { onClose(listener: () => void): void },
): Promise<void> {
  const actor = requireActor(ctx);
  const sendUnread = (stream: LiveStream) =>
    stream.enqueue(async () => stream.write('unread', { unreadCount: await countUnread(ctx.db, actor.userId) }));
  // Subscribed before counting, so a notification committed in between is not missed.
  const stream = await openLiveStream(ctx, response, connection, {
    name: 'notification stream',
    onEvent(event, live) {
      if (event.type === NOTIFICATION_EVENT) {
        const { notification } = event.data as NotificationLiveData;
        live.enqueue(async () =>
          live.write('notification', { notification, unreadCount: await countUnread(ctx.db, actor.userId) }),
        );
      } else if (event.type === UNREAD_CHANGED_EVENT) {
        sendUnread(live);
      }
    },
    onResync: sendUnread,
  });
  sendUnread(stream);
}
