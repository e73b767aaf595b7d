import type { Executor } from '../../db/client.ts';
import { publishLive } from '../../server/live.ts';

/**
 * Live event types this module publishes through the hub (one event per participant). Each
 * carries the thread id so a thread's stream relays only its own; a message event carries only
 * ids because a message (up to 10,000 characters) may not fit in a NOTIFY payload.
 */
export const MESSAGE_EVENT = 'message';
export const READ_EVENT = 'message.read';
export const TYPING_EVENT = 'message.typing';
export const THREAD_STATE_EVENT = 'message.thread';

export interface MessageEventData {
  threadId: string;
  messageId: string;
}

export interface ReadEventData {
  threadId: string;
  userId: string;
  upToMessageId: string;
  readAt: string;
}

export interface TypingEventData {
  threadId: string;
  userId: string;
  name: string;
}

export interface ThreadStateEventData {
  threadId: string;
  state: string;
  readOnlyReason: string | null;
}

/** Queues one event per recipient; with a transaction, they are delivered only if it commits. */
export async function publishToUsers(
  executor: Executor,
  userIds: string[],
  type: string,
  data: { threadId: string },
): Promise<void> {
  for (const userId of new Set(userIds)) await publishLive(executor, { userId, type, data });
}
