import { and, eq } from 'drizzle-orm';
import { hasRole } from '../../server/context.ts';
import type { FileReadRule } from '../files/index.ts';
import { messages, threadParticipants } from './tables.ts';
import { isUuid } from './thread.ts';

/** A message attachment may be downloaded by the thread's participants, and by operators (disputes). */
export const canReadMessageFile: FileReadRule = async (ctx, file) => {
  if (!ctx.actor || !file.ownerId || !isUuid(file.ownerId)) return false;
  if (hasRole(ctx.actor, 'operator')) return true;
  const [row] = await ctx.db
    .select({ threadId: messages.threadId })
    .from(messages)
    .innerJoin(
      threadParticipants,
      and(eq(threadParticipants.threadId, messages.threadId), eq(threadParticipants.userId, ctx.actor.userId)),
    )
    .where(eq(messages.id, file.ownerId));
  return Boolean(row);
};
