import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { getPublicUsers } from '../accounts/public-users.ts';
import { getFilesMeta } from '../files/index.ts';
import { messageAttachments, messageReadMarks, type messages, threadParticipants } from './tables.ts';

export type MessageRow = typeof messages.$inferSelect;

export interface AttachmentView {
  id: string;
  name: string;
  sizeBytes: number;
  contentType: string;
  sha256: string;
  url: string;
}

/** A message as participants see it, with who has read it ("Seen"). */
export interface MessageView {
  id: string;
  threadId: string;
  kind: 'user' | 'system';
  sender: { id: string; name: string } | null;
  text: string;
  attachments: AttachmentView[];
  createdAt: Date;
  /** Participants other than the sender who have read it, and when they first did. */
  readBy: { userId: string; readAt: Date }[];
}

async function attachmentsOf(executor: Executor, messageIds: string[]): Promise<Map<string, AttachmentView[]>> {
  const byMessage = new Map<string, AttachmentView[]>();
  if (messageIds.length === 0) return byMessage;
  const links = await executor
    .select()
    .from(messageAttachments)
    .where(inArray(messageAttachments.messageId, messageIds))
    .orderBy(asc(messageAttachments.messageId), asc(messageAttachments.position));
  const files = await getFilesMeta(
    executor,
    links.map((link) => link.fileId),
  );
  for (const link of links) {
    const file = files.get(link.fileId);
    if (!file) continue;
    const list = byMessage.get(link.messageId) ?? [];
    list.push({
      id: file.id,
      name: file.name,
      sizeBytes: file.sizeBytes,
      contentType: file.contentType,
      sha256: file.sha256,
      url: file.url,
    });
    byMessage.set(link.messageId, list);
  }
  return byMessage;
}

/**
 * For each message, who read it and when: the first read mark of each participant at or past
 * the message (marks only move forward, so the earliest covering mark is when they first saw it).
 */
async function readersOf(executor: Executor, threadId: string, rows: MessageRow[]) {
  const readers = new Map<string, { userId: string; readAt: Date }[]>();
  const oldest = Math.min(...rows.map((row) => row.seq));
  // One after the other: the executor may be a transaction, whose one connection runs one query at a time.
  const participants = await executor
    .select({ userId: threadParticipants.userId })
    .from(threadParticipants)
    .where(eq(threadParticipants.threadId, threadId));
  const marks = await executor
    .select()
    .from(messageReadMarks)
    .where(and(eq(messageReadMarks.threadId, threadId), gte(messageReadMarks.upToSeq, oldest)))
    .orderBy(asc(messageReadMarks.upToSeq));
  for (const row of rows) {
    const seenBy: { userId: string; readAt: Date }[] = [];
    for (const { userId } of participants) {
      if (userId === row.senderId) continue;
      const mark = marks.find((candidate) => candidate.userId === userId && candidate.upToSeq >= row.seq);
      if (mark) seenBy.push({ userId, readAt: mark.readAt });
    }
    readers.set(row.id, seenBy);
  }
  return readers;
}

/** Messages of one thread, in the order given, with senders, attachments and read receipts. */
export async function viewMessages(executor: Executor, threadId: string, rows: MessageRow[]): Promise<MessageView[]> {
  if (rows.length === 0) return [];
  const senderIds = rows.flatMap((row) => (row.senderId ? [row.senderId] : []));
  const senders = await getPublicUsers(executor, senderIds);
  const attachments = await attachmentsOf(
    executor,
    rows.map((row) => row.id),
  );
  const readers = await readersOf(executor, threadId, rows);
  return rows.map((row) => ({
    id: row.id,
    threadId: row.threadId,
    kind: row.kind === 'system' ? 'system' : 'user',
    sender: row.senderId ? { id: row.senderId, name: senders.get(row.senderId)?.displayName ?? 'Former member' } : null,
    text: row.text,
    attachments: attachments.get(row.id) ?? [],
    createdAt: row.createdAt,
    readBy: readers.get(row.id) ?? [],
  }));
}
