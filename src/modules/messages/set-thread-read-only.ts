import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import { notFound } from '../../platform/errors.ts';
import { publishToUsers, THREAD_STATE_EVENT, type ThreadStateEventData } from './live-events.ts';
import { cleanMessageText } from './message-text.ts';
import { messageThreads } from './tables.ts';
import { isUuid, type MessageThread, participantsOf, toMessageThread } from './thread.ts';

/**
 * Closes a thread for posting (e.g. when its contract ends): participants keep reading it, and
 * see `reason` when a post is refused. Idempotent; the latest reason is kept.
 */
export async function setThreadReadOnly(tx: Tx, threadId: string, reason: string): Promise<MessageThread> {
  if (!isUuid(threadId)) throw notFound('This conversation');
  const why = cleanMessageText(reason).slice(0, 500) || null;
  const [row] = await tx
    .update(messageThreads)
    .set({ state: 'read_only', readOnlyReason: why })
    .where(eq(messageThreads.id, threadId))
    .returning();
  if (!row) throw notFound('This conversation');
  const participants = await participantsOf(tx, row.id);
  const data: ThreadStateEventData = { threadId: row.id, state: row.state, readOnlyReason: row.readOnlyReason };
  await publishToUsers(
    tx,
    participants.map((participant) => participant.userId),
    THREAD_STATE_EVENT,
    data,
  );
  return toMessageThread(row, participants);
}
