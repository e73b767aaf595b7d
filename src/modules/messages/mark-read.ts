import { and, eq } from 'drizzle-orm';
import { invalidField } from '../../platform/errors.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { threadForParticipant } from './access.ts';
import { type ParticipantView, participantViews } from './get-thread.ts';
import { advanceReadPosition } from './read-position.ts';
import { messages } from './tables.ts';
import { isUuid } from './thread.ts';

/**
 * The caller has read the thread up to a message: the other participants see "Seen" on it and on
 * everything before. Reading an older message than already read changes nothing.
 */
export async function markThreadRead(
  ctx: Ctx,
  input: { threadId: string; upToMessageId: string },
): Promise<{ threadId: string; receipts: ParticipantView[] }> {
  const actor = requireActor(ctx);
  return ctx.tx(async (tx) => {
    const { thread } = await threadForParticipant(tx, actor, input.threadId);
    const [message] = isUuid(input.upToMessageId)
      ? await tx
          .select({ id: messages.id, seq: messages.seq })
          .from(messages)
          .where(and(eq(messages.id, input.upToMessageId), eq(messages.threadId, thread.id)))
      : [];
    if (!message) throw invalidField('upToMessageId', 'This message is not in this conversation.');
    await advanceReadPosition(tx, ctx.clock.now(), { threadId: thread.id, userId: actor.userId, message });
    return { threadId: thread.id, receipts: await participantViews(tx, thread.id) };
  });
}
