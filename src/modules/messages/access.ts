import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { type Actor, hasRole } from '../../server/context.ts';
import { messageThreads, threadParticipants } from './tables.ts';
import { isUuid, type ParticipantRow, type ThreadRow } from './thread.ts';

export interface ThreadAccess {
  thread: ThreadRow;
  /** The caller's participation; null for an operator reading someone else's thread. */
  participant: ParticipantRow | null;
}

const notFoundThread = () => notFound('This conversation');

async function findAccess(executor: Executor, actor: Actor, threadId: string): Promise<ThreadAccess | null> {
  if (!isUuid(threadId)) return null;
  const [row] = await executor
    .select({ thread: messageThreads, participant: threadParticipants })
    .from(messageThreads)
    .leftJoin(
      threadParticipants,
      and(eq(threadParticipants.threadId, messageThreads.id), eq(threadParticipants.userId, actor.userId)),
    )
    .where(eq(messageThreads.id, threadId));
  return row ?? null;
}

/**
 * The thread, for its participants and for operators (who read threads to settle disputes).
 * Anyone else gets the same 404 as for a thread that does not exist.
 */
export async function threadForReader(executor: Executor, actor: Actor, threadId: string): Promise<ThreadAccess> {
  const access = await findAccess(executor, actor, threadId);
  if (!access || (!access.participant && !hasRole(actor, 'operator'))) throw notFoundThread();
  return access;
}

/** The thread and the caller's participation; only participants act in a thread, operators only read. */
export async function threadForParticipant(
  executor: Executor,
  actor: Actor,
  threadId: string,
): Promise<{ thread: ThreadRow; participant: ParticipantRow }> {
  const { thread, participant } = await threadForReader(executor, actor, threadId);
  if (!participant) {
    throw new AppError('forbidden', {
      userMessage: 'Operators can read this conversation but cannot take part in it.',
    });
  }
  return { thread, participant };
}

/** The 409 for posting into a read-only thread, saying why it was closed. */
export function readOnlyRefusal(thread: Pick<ThreadRow, 'readOnlyReason'>): AppError {
  const why = thread.readOnlyReason ? ` ${thread.readOnlyReason}` : '';
  return new AppError('invalid_state', {
    userMessage: `This conversation is read-only: you can still read it, but no new messages can be sent.${why}`,
    details: { state: 'read_only' },
  });
}
