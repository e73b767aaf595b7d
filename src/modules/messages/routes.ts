import type { App } from '../../server/module.ts';
import { getThread } from './get-thread.ts';
import { listMessages } from './list-messages.ts';
import { listThreads } from './list-threads.ts';
import { markThreadRead } from './mark-read.ts';
import { postMessage } from './post-message.ts';
import { presentMessage, presentParticipant, presentThread, presentThreadListItem } from './present.ts';
import {
  MarkReadRequest,
  MessageListQuery,
  MessagePageResponse,
  MessageResponse,
  NoContent,
  PostMessageRequest,
  ReadReceiptsResponse,
  ThreadListQuery,
  ThreadListResponse,
  ThreadParams,
  ThreadResponse,
  ThreadStreamResponse,
} from './schemas.ts';
import { sendTyping } from './send-typing.ts';
import { authorizeThreadStream, streamThread } from './thread-stream.ts';

const tags = ['messages'];

export function registerMessageRoutes(app: App): void {
  app.get(
    '/api/threads',
    {
      schema: {
        tags,
        summary: 'My conversations, newest activity first, with unread counts',
        querystring: ThreadListQuery,
        response: { 200: ThreadListResponse },
      },
      config: { auth: 'user' },
    },
    async (request) => {
      const page = await listThreads(request.ctx, request.query);
      return { items: page.items.map(presentThreadListItem), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/threads/:id',
    {
      schema: {
        tags,
        summary: 'One conversation: participants, read receipts, state (participants; operators read)',
        params: ThreadParams,
        response: { 200: ThreadResponse },
      },
      config: { auth: 'user' },
    },
    async (request) => presentThread(await getThread(request.ctx, { threadId: request.params.id })),
  );

  app.get(
    '/api/threads/:id/messages',
    {
      schema: {
        tags,
        summary: 'A page of messages, newest page first, oldest to newest within it',
        params: ThreadParams,
        querystring: MessageListQuery,
        response: { 200: MessagePageResponse },
      },
      config: { auth: 'user' },
    },
    async (request) => {
      const page = await listMessages(request.ctx, { threadId: request.params.id, ...request.query });
      return { items: page.items.map(presentMessage), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/threads/:id/messages',
    {
      schema: {
        tags,
        summary: 'Send a message (immutable once sent); refused with 409 in a read-only conversation',
        params: ThreadParams,
        body: PostMessageRequest,
        response: { 201: MessageResponse },
      },
      config: { auth: 'user' },
    },
    async (request, reply) => {
      const message = await postMessage(request.ctx, { threadId: request.params.id, ...request.body });
      return reply.status(201).send(presentMessage(message));
    },
  );

  app.post(
    '/api/threads/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark the conversation read up to a message; the others see "Seen"',
        params: ThreadParams,
        body: MarkReadRequest,
        response: { 200: ReadReceiptsResponse },
      },
      config: { auth: 'user' },
    },
    async (request) => {
      const result = await markThreadRead(request.ctx, {
        threadId: request.params.id,
        upToMessageId: request.body.upToMessageId,
      });
      return { threadId: result.threadId, receipts: result.receipts.map(presentParticipant) };
    },
  );

  app.post(
    '/api/threads/:id/typing',
    {
      schema: {
        tags,
        summary: 'Tell the other participants you are typing (shown for a few seconds)',
        params: ThreadParams,
        response: { 204: NoContent },
      },
      config: { auth: 'user' },
    },
    async (request, reply) => {
      await sendTyping(request.ctx, { threadId: request.params.id });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/threads/:id/stream',
    {
      schema: {
        tags,
        summary: 'The conversation live, as Server-Sent Events',
        params: ThreadParams,
        response: {
          200: {
            description: 'An event stream',
            content: { 'text/event-stream': { schema: ThreadStreamResponse } },
          },
        },
      },
      config: { auth: 'user' },
    },
    async (request, reply) => {
      const thread = await authorizeThreadStream(request.ctx, request.params.id);
      reply.hijack();
      await streamThread(request.ctx, thread, reply.raw, {
        onClose: (listener) => request.raw.once('close', listener),
      });
      return reply;
    },
  );
}
