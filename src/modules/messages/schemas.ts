import { z } from 'zod';
import { MAX_MESSAGE_PAGE } from './list-messages.ts';
import { MAX_THREAD_PAGE } from './list-threads.ts';
import { cleanMessageText, MAX_ATTACHMENTS, MAX_MESSAGE_CHARS } from './message-text.ts';
import { CONTEXT_KINDS, THREAD_STATES } from './thread.ts';

const limit = (max: number, fallback: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback).describe(`Page size, 1 to ${max}`);

export const ThreadParams = z.object({ id: z.uuid() });

export const ThreadListQuery = z.object({
  cursor: z.string().min(1).max(200).optional().describe('The nextCursor of the previous page'),
  limit: limit(MAX_THREAD_PAGE, 20),
});

export const MessageListQuery = z.object({
  before: z.string().min(1).max(100).optional().describe('The nextCursor of the previous (newer) page'),
  limit: limit(MAX_MESSAGE_PAGE, 30),
});

export const PostMessageRequest = z
  .object({
    text: z
      .string()
      // Generous before cleaning; the cleaned text is held to the real limit below.
      .max(MAX_MESSAGE_CHARS * 2, `A message can be at most ${MAX_MESSAGE_CHARS} characters.`)
      .transform(cleanMessageText)
      .refine((text) => text.length > 0, 'Write a message first.')
      .refine((text) => text.length <= MAX_MESSAGE_CHARS, `A message can be at most ${MAX_MESSAGE_CHARS} characters.`)
      .describe('Trimmed, control characters removed; 1 to 10,000 characters'),
    fileIds: z
      .array(z.uuid())
      .max(MAX_ATTACHMENTS, `Attach at most ${MAX_ATTACHMENTS} files to one message.`)
      .default([])
      .describe('Your own uploads with purpose "message" (POST /api/files), in the order shown'),
  })
  .meta({ id: 'PostMessageRequest' });

export const MarkReadRequest = z
  .object({ upToMessageId: z.uuid().describe('The newest message you have seen') })
  .meta({ id: 'MarkThreadReadRequest' });

const MessageAttachment = z
  .object({
    id: z.uuid(),
    name: z.string(),
    sizeBytes: z.number().int(),
    contentType: z.string(),
    sha256: z.string().describe('SHA-256 of the content, hex'),
    url: z.string().describe('Download: /api/files/{id}'),
  })
  .meta({ id: 'MessageAttachment' });

export const MessageResponse = z
  .object({
    id: z.uuid(),
    threadId: z.uuid(),
    kind: z.enum(['user', 'system']).describe('system: an event such as "Offer sent", without a sender'),
    sender: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    text: z.string(),
    attachments: z.array(MessageAttachment),
    createdAt: z.iso.datetime(),
    readBy: z
      .array(z.object({ userId: z.uuid(), readAt: z.iso.datetime() }))
      .describe('Participants other than the sender who have seen it, and when they first did'),
  })
  .meta({ id: 'Message' });

export const MessagePageResponse = z
  .object({
    items: z.array(MessageResponse).describe('Oldest to newest within the page; the first page is the newest'),
    nextCursor: z.string().nullable().describe('Pass as ?before= for older messages; null at the start'),
  })
  .meta({ id: 'MessagePage' });

const ThreadParticipant = z
  .object({
    userId: z.uuid(),
    name: z.string(),
    role: z.string().describe('Their part in the context, e.g. client or freelancer'),
    lastReadMessageId: z.uuid().nullable().describe('Read receipt: the newest message they have seen'),
    lastReadAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ThreadParticipant' });

export const ThreadResponse = z
  .object({
    id: z.uuid(),
    contextKind: z.enum(CONTEXT_KINDS),
    contextId: z.string().describe('The proposal, job or contract id; for direct threads the pair of user ids'),
    subject: z.string(),
    state: z.enum(THREAD_STATES).describe('read_only: readable, but nobody can post (e.g. the contract ended)'),
    readOnlyReason: z.string().nullable(),
    createdAt: z.iso.datetime(),
    lastActivityAt: z.iso.datetime(),
    participants: z.array(ThreadParticipant),
    canPost: z.boolean().describe('Whether you may post now'),
    unreadCount: z.number().int().min(0),
  })
  .meta({ id: 'Thread' });

export const ThreadListResponse = z
  .object({
    items: z.array(
      z
        .object({
          id: z.uuid(),
          contextKind: z.enum(CONTEXT_KINDS),
          contextId: z.string(),
          subject: z.string(),
          state: z.enum(THREAD_STATES),
          lastActivityAt: z.iso.datetime(),
          others: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.string() })),
          lastMessage: z
            .object({
              id: z.uuid(),
              kind: z.enum(['user', 'system']),
              senderId: z.uuid().nullable(),
              senderName: z.string().nullable(),
              preview: z.string(),
              createdAt: z.iso.datetime(),
            })
            .nullable(),
          unreadCount: z.number().int().min(0),
        })
        .meta({ id: 'ThreadSummary' }),
    ),
    nextCursor: z.string().nullable().describe('Pass as ?cursor= for the next page; null on the last page'),
  })
  .meta({ id: 'ThreadList' });

export const ReadReceiptsResponse = z
  .object({ threadId: z.uuid(), receipts: z.array(ThreadParticipant) })
  .meta({ id: 'ReadReceipts' });

export const NoContent = z.null().describe('No content');

export const ThreadStreamResponse = z
  .string()
  .describe(
    'Server-Sent Events for one thread: `ready` {threadId} once listening; `message` {message}; ' +
      '`read` {userId, upToMessageId, readAt}; `typing` {userId, name}; `state` {state, readOnlyReason}; ' +
      '`resync` {} when events may have been missed (refetch); a comment every 25 s.',
  )
  .meta({ id: 'ThreadStream' });
