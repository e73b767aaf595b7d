import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { messageThreads, threadParticipants } from './tables.ts';

export const CONTEXT_KINDS = ['proposal', 'job', 'contract', 'direct'] as const;
export type ContextKind = (typeof CONTEXT_KINDS)[number];

export const THREAD_STATES = ['open', 'read_only'] as const;
export type ThreadState = (typeof THREAD_STATES)[number];

export type ThreadRow = typeof messageThreads.$inferSelect;
export type ParticipantRow = typeof threadParticipants.$inferSelect;

/** A thread as other modules see it. */
export interface MessageThread {
  id: string;
  contextKind: ContextKind;
  contextId: string;
  subject: string;
  state: ThreadState;
  /** Why nobody may post any more (e.g. "The contract ended."); null while open. */
  readOnlyReason: string | null;
  openedBy: string | null;
  createdAt: Date;
  lastActivityAt: Date;
  participants: { userId: string; role: string }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids come from callers; a malformed one is "not found", not a database error. */
export const isUuid = (id: string): boolean => UUID.test(id);

export function toMessageThread(
  row: ThreadRow,
  participants: Pick<ParticipantRow, 'userId' | 'role'>[],
): MessageThread {
  return {
    id: row.id,
    // Only this module writes these columns, and check constraints hold them to the lists.
    contextKind: row.contextKind as ContextKind,
    contextId: row.contextId,
    subject: row.subject,
    state: row.state as ThreadState,
    readOnlyReason: row.readOnlyReason,
    openedBy: row.openedBy,
    createdAt: row.createdAt,
    lastActivityAt: row.lastActivityAt,
    participants: participants.map(({ userId, role }) => ({ userId, role })),
  };
}

export async function findThreadRow(executor: Executor, threadId: string): Promise<ThreadRow | null> {
  if (!isUuid(threadId)) return null;
  const [row] = await executor.select().from(messageThreads).where(eq(messageThreads.id, threadId));
  return row ?? null;
}

/** Participants in the order they joined (the opener's list order). */
export async function participantsOf(executor: Executor, threadId: string): Promise<ParticipantRow[]> {
  return executor
    .select()
    .from(threadParticipants)
    .where(eq(threadParticipants.threadId, threadId))
    .orderBy(asc(threadParticipants.joinedAt), asc(threadParticipants.userId));
}

export async function loadThread(executor: Executor, threadId: string): Promise<MessageThread | null> {
  const row = await findThreadRow(executor, threadId);
  return row ? toMessageThread(row, await participantsOf(executor, row.id)) : null;
}

/** Whether the user takes part in the thread (operators reading for a dispute do not). */
export async function isThreadParticipant(executor: Executor, threadId: string, userId: string): Promise<boolean> {
  if (!isUuid(threadId) || !isUuid(userId)) return false;
  const [row] = await executor
    .select({ userId: threadParticipants.userId })
    .from(threadParticipants)
    .where(and(eq(threadParticipants.threadId, threadId), eq(threadParticipants.userId, userId)));
  return Boolean(row);
}

/** The thread of a proposal, job, contract or direct pair, or null if none was opened. */
export async function getThreadForContext(
  executor: Executor,
  contextKind: ContextKind,
  contextId: string,
): Promise<MessageThread | null> {
  const [row] = await executor
    .select()
    .from(messageThreads)
    .where(and(eq(messageThreads.contextKind, contextKind), eq(messageThreads.contextId, contextId)));
  return row ? toMessageThread(row, await participantsOf(executor, row.id)) : null;
}
