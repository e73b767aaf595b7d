import { type Ctx, requireActor } from '../../server/context.ts';
import { getPublicUsers } from '../accounts/public-users.ts';
import { readOnlyRefusal, threadForParticipant } from './access.ts';
import { publishToUsers, TYPING_EVENT, type TypingEventData } from './live-events.ts';
import { participantsOf } from './thread.ts';

/** Tells the other participants' open streams that the caller is typing; nothing is stored. */
export async function sendTyping(ctx: Ctx, input: { threadId: string }): Promise<void> {
  const actor = requireActor(ctx);
  const { thread } = await threadForParticipant(ctx.db, actor, input.threadId);
  if (thread.state !== 'open') throw readOnlyRefusal(thread);
  const [participants, names] = await Promise.all([
    participantsOf(ctx.db, thread.id),
    getPublicUsers(ctx.db, [actor.userId]),
  ]);
  const data: TypingEventData = {
    threadId: thread.id,
    userId: actor.userId,
    name: names.get(actor.userId)?.displayName ?? 'Someone',
  };
  await publishToUsers(
    ctx.db,
    participants.map((participant) => participant.userId).filter((userId) => userId !== actor.userId),
    TYPING_EVENT,
    data,
  );
}
