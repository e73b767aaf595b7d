import type { Tx } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { requireSubject } from './message-text.ts';
import { messageThreads, threadParticipants } from './tables.ts';
import { CONTEXT_KINDS, type ContextKind, getThreadForContext, isUuid, type MessageThread } from './thread.ts';

export interface OpenThreadInput {
  contextKind: ContextKind;
  /** The proposal/job/contract id; for 'direct' threads use directContextId(a, b). */
  contextId: string;
  /** At least two distinct users, each with their part in the context ('client', 'freelancer'...). */
  participants: { userId: string; role: string }[];
  subject: string;
  /** Who opened it (null when the platform did). */
  openedBy: string | null;
}

/** The context id of the one direct thread between two users, whichever of them opens it. */
export function directContextId(userA: string, userB: string): string {
  return [userA, userB].sort().join(':');
}

function checkInput(input: OpenThreadInput) {
  if (!CONTEXT_KINDS.includes(input.contextKind)) throw invalidField('contextKind', 'Unknown kind of conversation.');
  if (!input.contextId || input.contextId.length > 200) throw invalidField('contextId', 'A context id is required.');
  const userIds = new Set<string>();
  for (const participant of input.participants) {
    if (!isUuid(participant.userId)) throw invalidField('participants', 'Participants must be user ids.');
    if (userIds.has(participant.userId)) throw invalidField('participants', 'A user takes part only once.');
    if (!/^[a-z][a-z_]{0,31}$/.test(participant.role)) throw invalidField('participants', 'Bad participant role.');
    userIds.add(participant.userId);
  }
  if (userIds.size < 2) throw invalidField('participants', 'A conversation needs at least two people.');
  if (input.openedBy !== null && !userIds.has(input.openedBy)) {
    throw new AppError('forbidden', { userMessage: 'Only a participant can open this conversation.' });
  }
}

/**
 * Opens the thread of a context, in the caller's transaction, or returns the one already opened
 * for it (whoever opened it, whatever participants were passed then): one thread per context.
 */
export async function openThread(tx: Tx, clock: Clock, input: OpenThreadInput): Promise<MessageThread> {
  checkInput(input);
  const subject = requireSubject(input.subject);
  const now = clock.now();
  const [created] = await tx
    .insert(messageThreads)
    .values({
      id: newId(),
      contextKind: input.contextKind,
      contextId: input.contextId,
      subject,
      state: 'open',
      openedBy: input.openedBy,
      createdAt: now,
      lastActivityAt: now,
    })
    // A racing opener of the same context waits for ours to commit, then finds it below.
    .onConflictDoNothing({ target: [messageThreads.contextKind, messageThreads.contextId] })
    .returning({ id: messageThreads.id });
  if (created) {
    // Joined one microsecond apart keeps the participants in the order given.
    await tx.insert(threadParticipants).values(
      input.participants.map((participant, index) => ({
        threadId: created.id,
        userId: participant.userId,
        role: participant.role,
        joinedAt: new Date(now.getTime() + index),
      })),
    );
  }
  const thread = await getThreadForContext(tx, input.contextKind, input.contextId);
  if (!thread) throw new Error(`thread for ${input.contextKind} ${input.contextId} vanished`);
  return thread;
}
