import { and, count, eq, gt, inArray, isNotNull, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { messages, threadParticipants } from './tables.ts';

/**
 * Unread messages per thread for one user: other people's messages past their read position.
 * System messages don't count: they record events the acting module already notified about.
 */
export async function unreadCounts(
  executor: Executor,
  userId: string,
  threadIds: string[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (threadIds.length === 0) return counts;
  const rows = await executor
    .select({ threadId: messages.threadId, unread: count() })
    .from(messages)
    .innerJoin(
      threadParticipants,
      and(eq(threadParticipants.threadId, messages.threadId), eq(threadParticipants.userId, userId)),
    )
    .where(
      and(
        inArray(messages.threadId, threadIds),
        gt(messages.seq, threadParticipants.lastReadSeq),
        isNotNull(messages.senderId),
        ne(messages.senderId, userId),
      ),
    )
    .groupBy(messages.threadId);
  for (const row of rows) counts.set(row.threadId, row.unread);
  return counts;
}
