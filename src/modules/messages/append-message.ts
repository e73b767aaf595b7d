import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import { newId } from '../../platform/ids.ts';
import { MESSAGE_EVENT, type MessageEventData, publishToUsers } from './live-events.ts';
import type { MessageRow } from './message-views.ts';
import { messages, messageThreads } from './tables.ts';
import { participantsOf } from './thread.ts';

export interface MessageToAppend {
  threadId: string;
  kind: 'user' | 'system';
  senderId: string | null;
  text: string;
  /** User messages go only into open threads; system messages record events in any state. */
  requireOpen: boolean;
}

/**
 * Appends a message: bumps the thread's activity (which locks the thread row, so messages of one
 * thread get their seq in commit order and a concurrent "make read-only" is seen), inserts it, and
 * queues a live event to every participant. Returns null when `requireOpen` and the thread is not open.
 */
export async function appendMessage(tx: Tx, now: Date, input: MessageToAppend): Promise<MessageRow | null> {
  const [thread] = await tx
    .update(messageThreads)
    // greatest(): activity time never moves back, whatever the clock of a racing writer said.
    .set({ lastActivityAt: sql`greatest(${messageThreads.lastActivityAt}, ${now})` })
    .where(
      input.requireOpen
        ? and(eq(messageThreads.id, input.threadId), eq(messageThreads.state, 'open'))
        : eq(messageThreads.id, input.threadId),
    )
    .returning({ id: messageThreads.id });
  if (!thread) return null;
  const [row] = await tx
    .insert(messages)
    .values({
      id: newId(),
      threadId: input.threadId,
      kind: input.kind,
      senderId: input.senderId,
      text: input.text,
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error('message insert returned no row');
  const participants = await participantsOf(tx, input.threadId);
  const data: MessageEventData = { threadId: input.threadId, messageId: row.id };
  await publishToUsers(
    tx,
    participants.map((participant) => participant.userId),
    MESSAGE_EVENT,
    data,
  );
  return row;
}
