import type { ServerResponse } from 'node:http';
import { type Ctx, requireActor } from '../../server/context.ts';
import { type LiveEvent, liveHub } from '../../server/live.ts';
import { UNREAD_CHANGED_EVENT } from './mark-notification-read.ts';
import { NOTIFICATION_EVENT, type NotificationLiveData } from './notify.ts';
import { countUnread } from './unread-count.ts';

// Proxies and load balancers drop connections silent for a minute or so; a comment line keeps them open.
export const KEEP_ALIVE_MS = 25_000;

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
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // Tells nginx not to buffer the stream.
    'x-accel-buffering': 'no',
    'x-request-id': ctx.requestId,
    'x-content-type-options': 'nosniff',
  });
  let open = true;
  // Events are written in arrival order even though each one waits for a count query.
  let queue = Promise.resolve();

  const write = (event: string, data: unknown) => {
    if (open) response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const enqueue = (work: () => Promise<void>) => {
    queue = queue.then(work).catch((error: unknown) => {
      ctx.log.warn({ err: error, requestId: ctx.requestId }, 'notification stream could not send an event');
    });
  };
  const sendUnread = () =>
    enqueue(async () => write('unread', { unreadCount: await countUnread(ctx.db, actor.userId) }));

  const relay = (event: LiveEvent) => {
    if (event.type === NOTIFICATION_EVENT) {
      const { notification } = event.data as NotificationLiveData;
      enqueue(async () =>
        write('notification', { notification, unreadCount: await countUnread(ctx.db, actor.userId) }),
      );
    } else if (event.type === UNREAD_CHANGED_EVENT) {
      sendUnread();
    }
  };

  let unsubscribe = () => {};
  const keepAlive = setInterval(() => {
    if (open) response.write(': keep-alive\n\n');
  }, KEEP_ALIVE_MS);
  const finish = () => {
    if (!open) return;
    open = false;
    clearInterval(keepAlive);
    unsubscribe();
    response.end();
  };
  connection.onClose(finish);
  response.on('error', finish);

  // Subscribe before counting, so a notification committed in between is not missed.
  unsubscribe = await liveHub(ctx).subscribe(actor.userId, { onEvent: relay, onClose: finish, onResync: sendUnread });
  if (!open) unsubscribe();
  response.write('retry: 5000\n\n');
  sendUnread();
}
