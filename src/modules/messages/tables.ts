import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.ts';
import { storedFiles } from '../files/tables.ts';

/**
 * A conversation about one thing (a proposal, a job, a contract, or a direct exchange): at most
 * one thread per context, so the module that owns the context can always find it again.
 */
export const messageThreads = pgTable(
  'message_threads',
  {
    id: uuid('id').primaryKey(),
    /** 'proposal' | 'job' | 'contract' | 'direct'. */
    contextKind: text('context_kind').notNull(),
    /** The id of the proposal/job/contract; for direct threads, the sorted pair of user ids. */
    contextId: text('context_id').notNull(),
    subject: text('subject').notNull(),
    /** open: participants may post; read_only: readable, but nobody may post (a contract ended). */
    state: text('state').notNull().default('open'),
    readOnlyReason: text('read_only_reason'),
    openedBy: uuid('opened_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** The newest message's time (or the creation time): threads are listed by it. */
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    unique('message_threads_context_key').on(table.contextKind, table.contextId),
    check('message_threads_state_check', sql`${table.state} in ('open', 'read_only')`),
    check('message_threads_context_kind_check', sql`${table.contextKind} in ('proposal', 'job', 'contract', 'direct')`),
  ],
);

/** Who takes part in a thread, and how far each one has read. */
export const threadParticipants = pgTable(
  'thread_participants',
  {
    threadId: uuid('thread_id')
      .notNull()
      .references(() => messageThreads.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** Their part in the context, e.g. 'client' or 'freelancer'. */
    role: text('role').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
    /** The seq of the newest message they have read (0: none). */
    lastReadSeq: bigint('last_read_seq', { mode: 'number' }).notNull().default(0),
    lastReadMessageId: uuid('last_read_message_id'),
    lastReadAt: timestamp('last_read_at', { withTimezone: true }),
    /** They were notified of a message and have not read the thread since: don't notify again. */
    notificationPending: boolean('notification_pending').notNull().default(false),
  },
  (table) => [
    primaryKey({ columns: [table.threadId, table.userId] }),
    index('thread_participants_user_idx').on(table.userId),
  ],
);

/** Messages are immutable once sent: the database refuses UPDATE and DELETE (see the custom migration). */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey(),
    /** Insertion order across all threads; posting locks the thread, so it is commit order within one. */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => messageThreads.id),
    /** 'user' messages have a sender; 'system' ones (events such as "Offer sent") have none. */
    kind: text('kind').notNull(),
    senderId: uuid('sender_id').references(() => users.id),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    unique('messages_seq_key').on(table.seq),
    index('messages_thread_seq_idx').on(table.threadId, table.seq),
    check('messages_kind_check', sql`${table.kind} in ('user', 'system')`),
    check('messages_sender_check', sql`(${table.kind} = 'system') = (${table.senderId} is null)`),
    check('messages_text_length_check', sql`char_length(${table.text}) between 1 and 10000`),
  ],
);

/** Files attached to a message (the file store holds the bytes; its owner is the message). */
export const messageAttachments = pgTable(
  'message_attachments',
  {
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    position: integer('position').notNull(),
  },
  (table) => [primaryKey({ columns: [table.messageId, table.fileId] })],
);

/**
 * Every advance of a participant's read position, so "Seen" can show when each message was
 * first read, not only where the reader is now. Written only when the position moves forward.
 */
export const messageReadMarks = pgTable(
  'message_read_marks',
  {
    threadId: uuid('thread_id')
      .notNull()
      .references(() => messageThreads.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    upToSeq: bigint('up_to_seq', { mode: 'number' }).notNull(),
    upToMessageId: uuid('up_to_message_id')
      .notNull()
      .references(() => messages.id),
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.threadId, table.userId, table.upToSeq] })],
);
