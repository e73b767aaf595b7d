import type { Tx } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { MAX_LIVE_PAYLOAD_BYTES, publishLive } from '../../server/live.ts';
import { type NotificationView, presentNotification } from './present.ts';
import { notifications } from './tables.ts';

export interface NotificationToCreate {
  userId: string;
  /** A stable machine name such as "proposal.received". */
  kind: string;
  title: string;
  body?: string;
  /** An in-app path, e.g. "/contracts/…". */
  link?: string;
}

/** The live event a browser receives; the stream adds the unread count when relaying it. */
export interface NotificationLiveData {
  notification: NotificationView;
}

export const NOTIFICATION_EVENT = 'notification';

// Keeps the live event under PostgreSQL's NOTIFY size limit; the full body is one fetch away.
const LIVE_BODY_CHARS = 1000;

/**
 * Creates an in-app notification in the caller's transaction. The live push is queued with
 * pg_notify in the same transaction, so it reaches browsers only if the change commits.
 */
export async function notify(tx: Tx, clock: Clock, input: NotificationToCreate): Promise<{ id: string }> {
  const [row] = await tx
    .insert(notifications)
    .values({
      id: newId(),
      userId: input.userId,
      kind: input.kind,
      title: input.title.slice(0, 300),
      body: input.body ?? '',
      link: input.link ?? null,
      createdAt: clock.now(),
      readAt: null,
    })
    .returning();
  if (!row) throw new Error('notification insert returned no row');
  const view = presentNotification(row);
  const data: NotificationLiveData = { notification: { ...view, body: view.body.slice(0, LIVE_BODY_CHARS) } };
  if (Buffer.byteLength(JSON.stringify(data)) > MAX_LIVE_PAYLOAD_BYTES - 200) data.notification.body = '';
  await publishLive(tx, { userId: input.userId, type: NOTIFICATION_EVENT, data });
  return { id: row.id };
}
