import type { ServerResponse } from 'node:http';
import { eq } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../server/context.ts';
import { type LiveEvent, liveHub } from '../../server/live.ts';
import { threadForReader } from './access.ts';
import {
  MESSAGE_EVENT,
  type MessageEventData,
  READ_EVENT,
  type ReadEventData,
  THREAD_STATE_EVENT,
  type ThreadStateEventData,
  TYPING_EVENT,
  type TypingEventData,
} from './live-events.ts';
import { viewMessages } from './message-views.ts';
import { presentMessage } from './present.ts';
import { messages } from './tables.ts';
import type { ThreadRow } from './thread.ts';

// Proxies drop connections silent for a minute or so; a comment line keeps them open.
export const KEEP_ALIVE_MS = 25_000;

/** Checks the caller may read the thread before the response is hijacked (so refusals are problem+json). */
export async function authorizeThreadStream(ctx: Ctx, threadId: string): Promise<ThreadRow> {
  return (await threadForReader(ctx.db, requireActor(ctx), threadId)).thread;
}

function threadIdOf(event: LiveEvent): string | null {
  const data = event.data as { threadId?: unknown } | null;
  return data && typeof data.threadId === 'string' ? data.threadId : null;
}

/**
 * Serves one thread live as Server-Sent Events on a hijacked response: `ready` once listening,
 * then `message` {message}, `read` {userId, upToMessageId, readAt}, `typing` {userId, name},
 * `state` {state, readOnlyReason}, and `resync` {} when events may have been missed.
 */
export async function streamThread(
  ctx: Ctx,
  thread: ThreadRow,
  response: ServerResponse,
  connection: { onClose(listener: () => void): void },
): Promise<void> {
  const actor = requireActor(ctx);
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': ctx.requestId,
    'x-content-type-options': 'nosniff',
  });
  let open = true;
  // Events are written in arrival order even though a message waits for its lookup.
  let queue = Promise.resolve();
  const write = (event: string, data: unknown) => {
    if (open) response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const enqueue = (work: () => Promise<void> | void) => {
    queue = queue.then(work).catch((error: unknown) => {
      ctx.log.warn({ err: error, requestId: ctx.requestId }, 'thread stream could not send an event');
    });
  };

  const relay = (event: LiveEvent) => {
    if (threadIdOf(event) !== thread.id) return;
    if (event.type === MESSAGE_EVENT) {
      const { messageId } = event.data as MessageEventData;
      enqueue(async () => {
        const rows = await ctx.db.select().from(messages).where(eq(messages.id, messageId));
        const [view] = await viewMessages(ctx.db, thread.id, rows);
        if (view) write('message', { message: presentMessage(view) });
      });
    } else if (event.type === READ_EVENT) {
      const { userId, upToMessageId, readAt } = event.data as ReadEventData;
      enqueue(() => write('read', { userId, upToMessageId, readAt }));
    } else if (event.type === TYPING_EVENT) {
      const { userId, name } = event.data as TypingEventData;
      if (userId !== actor.userId) enqueue(() => write('typing', { userId, name }));
    } else if (event.type === THREAD_STATE_EVENT) {
      const { state, readOnlyReason } = event.data as ThreadStateEventData;
      enqueue(() => write('state', { state, readOnlyReason }));
    }
  };

  let unsubscribe = () => {};
  const keepAlive = setInterval(() => {
    if (open) response.write(': keep-alive\n\n');
  }, KEEP_ALIVE_MS);
  const finish = () => {
    if (!open) return;
    open = false;
    clearInterval(keepAlive);
    unsubscribe();
    response.end();
  };
  connection.onClose(finish);
  response.on('error', finish);

  unsubscribe = await liveHub(ctx).subscribe(actor.userId, {
    onEvent: relay,
    onClose: finish,
    onResync: () => enqueue(() => write('resync', {})),
  });
  if (!open) unsubscribe();
  response.write('retry: 5000\n\n');
  write('ready', { threadId: thread.id });
}
