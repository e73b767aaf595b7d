import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../server/context.ts';
import { getPublicUsers } from '../accounts/public-users.ts';
import { decodeThreadCursor, encodeThreadCursor } from './cursor.ts';
import { previewOf } from './message-text.ts';
import { messages, messageThreads, threadParticipants } from './tables.ts';
import type { ContextKind, ThreadState } from './thread.ts';
import { unreadCounts } from './unread.ts';

export const MAX_THREAD_PAGE = 50;

export interface ThreadListItem {
  id: string;
  contextKind: ContextKind;
  contextId: string;
  subject: string;
  state: ThreadState;
  lastActivityAt: Date;
  /** Everyone in the thread but the caller. */
  others: { id: string; name: string; role: string }[];
  lastMessage: {
    id: string;
    kind: 'user' | 'system';
    senderId: string | null;
    senderName: string | null;
    preview: string;
    createdAt: Date;
  } | null;
  unreadCount: number;
}

/** The caller's threads, newest activity first, one keyset page at a time. */
export async function listThreads(
  ctx: Ctx,
  input: { cursor?: string | undefined; limit?: number | undefined },
): Promise<{ items: ThreadListItem[]; nextCursor: string | null }> {
  const actor = requireActor(ctx);
  const limit = Math.min(input.limit ?? 20, MAX_THREAD_PAGE);
  const after = input.cursor ? decodeThreadCursor(input.cursor) : null;
  const mine = eq(threadParticipants.userId, actor.userId);
  const rows = await ctx.db
    .select({ thread: messageThreads })
    .from(threadParticipants)
    .innerJoin(messageThreads, eq(messageThreads.id, threadParticipants.threadId))
    .where(
      after
        ? and(
            mine,
            sql`(${messageThreads.lastActivityAt}, ${messageThreads.id}) < (${after.lastActivityAt}, ${after.id})`,
          )
        : mine,
    )
    .orderBy(desc(messageThreads.lastActivityAt), desc(messageThreads.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map((row) => row.thread);
  const ids = page.map((thread) => thread.id);
  if (ids.length === 0) return { items: [], nextCursor: null };

  const [others, lastMessages, unread] = await Promise.all([
    ctx.db
      .select()
      .from(threadParticipants)
      .where(and(inArray(threadParticipants.threadId, ids), ne(threadParticipants.userId, actor.userId)))
      .orderBy(threadParticipants.joinedAt),
    ctx.db
      .selectDistinctOn([messages.threadId])
      .from(messages)
      .where(inArray(messages.threadId, ids))
      .orderBy(messages.threadId, desc(messages.seq)),
    unreadCounts(ctx.db, actor.userId, ids),
  ]);
  const names = await getPublicUsers(ctx.db, [
    ...others.map((other) => other.userId),
    ...lastMessages.flatMap((message) => (message.senderId ? [message.senderId] : [])),
  ]);
  const nameOf = (id: string) => names.get(id)?.displayName ?? 'Former member';
  const lastByThread = new Map(lastMessages.map((message) => [message.threadId, message]));

  const items = page.map((thread): ThreadListItem => {
    const last = lastByThread.get(thread.id);
    return {
      id: thread.id,
      contextKind: thread.contextKind as ContextKind,
      contextId: thread.contextId,
      subject: thread.subject,
      state: thread.state as ThreadState,
      lastActivityAt: thread.lastActivityAt,
      others: others
        .filter((other) => other.threadId === thread.id)
        .map((other) => ({ id: other.userId, name: nameOf(other.userId), role: other.role })),
      lastMessage: last
        ? {
            id: last.id,
            kind: last.kind === 'system' ? 'system' : 'user',
            senderId: last.senderId,
            senderName: last.senderId ? nameOf(last.senderId) : null,
            preview: previewOf(last.text),
            createdAt: last.createdAt,
          }
        : null,
      unreadCount: unread.get(thread.id) ?? 0,
    };
  });
  const lastThread = page.at(-1);
  return { items, nextCursor: rows.length > limit && lastThread ? encodeThreadCursor(lastThread) : null };
}
