import type { Executor } from '../../db/client.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { getPublicUsers } from '../accounts/public-users.ts';
import { threadForReader } from './access.ts';
import { type MessageThread, participantsOf, type ThreadRow, toMessageThread } from './thread.ts';
import { unreadCounts } from './unread.ts';

export interface ParticipantView {
  userId: string;
  name: string;
  role: string;
  /** Their read receipt: the newest message they have read, and when. */
  lastReadMessageId: string | null;
  lastReadAt: Date | null;
}

export interface ThreadDetail extends Omit<MessageThread, 'participants'> {
  participants: ParticipantView[];
  /** Whether the caller may post now: a participant, and the thread is open. */
  canPost: boolean;
  unreadCount: number;
}

export async function participantViews(executor: Executor, threadId: string): Promise<ParticipantView[]> {
  const participants = await participantsOf(executor, threadId);
  const names = await getPublicUsers(
    executor,
    participants.map((participant) => participant.userId),
  );
  return participants.map((participant) => ({
    userId: participant.userId,
    name: names.get(participant.userId)?.displayName ?? 'Former member',
    role: participant.role,
    lastReadMessageId: participant.lastReadMessageId,
    lastReadAt: participant.lastReadAt,
  }));
}

async function detailOf(executor: Executor, thread: ThreadRow, viewerId: string, isParticipant: boolean) {
  const participants = await participantViews(executor, thread.id);
  const unread = isParticipant ? await unreadCounts(executor, viewerId, [thread.id]) : new Map<string, number>();
  return {
    ...toMessageThread(thread, []),
    participants,
    canPost: isParticipant && thread.state === 'open',
    unreadCount: unread.get(thread.id) ?? 0,
  };
}

/** One thread with its participants and state, for participants and operators. */
export async function getThread(ctx: Ctx, input: { threadId: string }): Promise<ThreadDetail> {
  const actor = requireActor(ctx);
  const { thread, participant } = await threadForReader(ctx.db, actor, input.threadId);
  return detailOf(ctx.db, thread, actor.userId, participant !== null);
}
