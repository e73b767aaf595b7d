import { and, desc, eq, lt } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../server/context.ts';
import { threadForReader } from './access.ts';
import { decodeMessageCursor, encodeMessageCursor } from './cursor.ts';
import { type MessageView, viewMessages } from './message-views.ts';
import { messages } from './tables.ts';

export const MAX_MESSAGE_PAGE = 100;

/**
 * A page of a thread's messages, newest page first, oldest-to-newest within the page (as a chat
 * shows them). `nextCursor` pages back in time; messages never change, so pages are stable.
 */
export async function listMessages(
  ctx: Ctx,
  input: { threadId: string; before?: string | undefined; limit?: number | undefined },
): Promise<{ items: MessageView[]; nextCursor: string | null }> {
  const actor = requireActor(ctx);
  const limit = Math.min(input.limit ?? 30, MAX_MESSAGE_PAGE);
  const beforeSeq = input.before ? decodeMessageCursor(input.before) : null;
  const { thread } = await threadForReader(ctx.db, actor, input.threadId);
  const inThread = eq(messages.threadId, thread.id);
  const rows = await ctx.db
    .select()
    .from(messages)
    .where(beforeSeq === null ? inThread : and(inThread, lt(messages.seq, beforeSeq)))
    .orderBy(desc(messages.seq))
    .limit(limit + 1);
  const page = rows.slice(0, limit).reverse();
  const oldest = page[0];
  return {
    items: await viewMessages(ctx.db, thread.id, page),
    nextCursor: rows.length > limit && oldest ? encodeMessageCursor(oldest.seq) : null,
  };
}
