import { and, asc, count, eq, isNotNull, sql } from 'drizzle-orm';
import type { VerifyCheck } from '../../server/module.ts';
import { getFilesMeta } from '../files/index.ts';
import { MESSAGE_FILE_KIND } from './post-message.ts';
import { messageAttachments, messages, messageThreads, threadParticipants } from './tables.ts';

const SAMPLE = 50;
const BATCH = 1000;

export const messageChecks: VerifyCheck[] = [
  {
    name: 'message-sender-is-participant',
    description: 'Every user message was sent by a participant of its thread (system messages have no sender)',
    async run(tx) {
      const rows = await tx
        .select({ id: messages.id, threadId: messages.threadId, senderId: messages.senderId })
        .from(messages)
        .where(
          and(
            isNotNull(messages.senderId),
            sql`not exists (select 1 from ${threadParticipants}
              where ${threadParticipants.threadId} = ${messages.threadId}
                and ${threadParticipants.userId} = ${messages.senderId})`,
          ),
        )
        .limit(SAMPLE);
      return rows.map((row) => ({
        subject: `message ${row.id}`,
        message: `sender ${row.senderId} is not a participant of thread ${row.threadId}`,
      }));
    },
  },
  {
    name: 'thread-participants-unique',
    description: 'Each user takes part in a thread at most once, and every thread has at least two participants',
    async run(tx) {
      const duplicates = await tx
        .select({ threadId: threadParticipants.threadId, userId: threadParticipants.userId, times: count() })
        .from(threadParticipants)
        .groupBy(threadParticipants.threadId, threadParticipants.userId)
        .having(sql`count(*) > 1`)
        .limit(SAMPLE);
      const lonely = await tx
        .select({ id: messageThreads.id })
        .from(messageThreads)
        .where(
          sql`(select count(*) from ${threadParticipants} where ${threadParticipants.threadId} = ${messageThreads.id}) < 2`,
        )
        .limit(SAMPLE);
      return [
        ...duplicates.map((row) => ({
          subject: `thread ${row.threadId}`,
          message: `user ${row.userId} takes part ${row.times} times`,
        })),
        ...lonely.map((row) => ({ subject: `thread ${row.id}`, message: 'has fewer than two participants' })),
      ];
    },
  },
  {
    name: 'message-attachments-owned',
    description: 'Every attachment is a stored file of kind "message" owned by the message it is attached to',
    async run(tx) {
      const violations = [];
      let after: { messageId: string; fileId: string } | null = null;
      for (;;) {
        const batch: { messageId: string; fileId: string }[] = await tx
          .select({ messageId: messageAttachments.messageId, fileId: messageAttachments.fileId })
          .from(messageAttachments)
          .where(
            after
              ? sql`(${messageAttachments.messageId}, ${messageAttachments.fileId}) > (${after.messageId}, ${after.fileId})`
              : undefined,
          )
          .orderBy(asc(messageAttachments.messageId), asc(messageAttachments.fileId))
          .limit(BATCH);
        const files = await getFilesMeta(
          tx,
          batch.map((row) => row.fileId),
        );
        for (const row of batch) {
          const file = files.get(row.fileId);
          if (file?.ownerKind === MESSAGE_FILE_KIND && file.ownerId === row.messageId) continue;
          violations.push({
            subject: `message ${row.messageId}`,
            message: file
              ? `attachment ${row.fileId} belongs to ${file.ownerKind} ${file.ownerId ?? '(none)'}`
              : `attachment ${row.fileId} is not a stored file`,
          });
          if (violations.length >= SAMPLE) return violations;
        }
        const last = batch.at(-1);
        if (batch.length < BATCH || !last) return violations;
        after = last;
      }
    },
  },
  {
    name: 'message-read-position-in-thread',
    description: "A participant's read receipt points at a message of their own thread",
    async run(tx) {
      const rows = await tx
        .select({ threadId: threadParticipants.threadId, userId: threadParticipants.userId })
        .from(threadParticipants)
        .leftJoin(messages, eq(messages.id, threadParticipants.lastReadMessageId))
        .where(
          sql`${threadParticipants.lastReadMessageId} is not null
            and (${messages.threadId} is distinct from ${threadParticipants.threadId}
              or ${messages.seq} <> ${threadParticipants.lastReadSeq})`,
        )
        .limit(SAMPLE);
      return rows.map((row) => ({
        subject: `thread ${row.threadId}`,
        message: `user ${row.userId}'s read position is not a message of this thread`,
      }));
    },
  },
];
