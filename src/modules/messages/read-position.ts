import { and, eq, lt } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import { publishToUsers, READ_EVENT, type ReadEventData } from './live-events.ts';
import { messageReadMarks, threadParticipants } from './tables.ts';
import { participantsOf } from './thread.ts';

/**
 * Moves a participant's read position forward to `message` (never back), records the mark for
 * "Seen", clears their pending message notification, and tells the thread's open streams.
 * Returns false when they had already read that far.
 */
export async function advanceReadPosition(
  tx: Tx,
  now: Date,
  input: { threadId: string; userId: string; message: { id: string; seq: number } },
): Promise<boolean> {
  const [moved] = await tx
    .update(threadParticipants)
    .set({
      lastReadSeq: input.message.seq,
      lastReadMessageId: input.message.id,
      lastReadAt: now,
      notificationPending: false,
    })
    .where(
      and(
        eq(threadParticipants.threadId, input.threadId),
        eq(threadParticipants.userId, input.userId),
        lt(threadParticipants.lastReadSeq, input.message.seq),
      ),
    )
    .returning({ userId: threadParticipants.userId });
  if (!moved) return false;
  await tx.insert(messageReadMarks).values({
    threadId: input.threadId,
    userId: input.userId,
    upToSeq: input.message.seq,
    upToMessageId: input.message.id,
    readAt: now,
  });
  const data: ReadEventData = {
    threadId: input.threadId,
    userId: input.userId,
    upToMessageId: input.message.id,
    readAt: now.toISOString(),
  };
  const participants = await participantsOf(tx, input.threadId);
  await publishToUsers(
    tx,
    participants.map((participant) => participant.userId),
    READ_EVENT,
    data,
  );
  return true;
}
