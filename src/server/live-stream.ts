import type { ServerResponse } from 'node:http';
import { type Ctx, requireActor } from './context.ts';
import { type LiveEvent, liveHub } from './live.ts';

// Proxies and load balancers drop connections silent for a minute or so; a comment line keeps them open.
export const KEEP_ALIVE_MS = 25_000;

/** What a live stream's owner writes with: events in the order they were queued. */
export interface LiveStream {
  write(event: string, data: unknown): void;
  /**
   * Runs `work` after everything queued before it, so events go out in arrival order even when
   * one of them waits for a query. A failure is logged and the stream goes on.
   */
  enqueue(work: () => Promise<void> | void): void;
}

export interface LiveStreamHandlers {
  /** Names the stream in logs, e.g. "thread stream". */
  name: string;
  onEvent(event: LiveEvent, stream: LiveStream): void;
  /** The hub reconnected: events may have been missed. */
  onResync(stream: LiveStream): void;
}

/**
 * Serves the caller's live events as Server-Sent Events on an already hijacked response: the
 * headers, a keep-alive comment, ordered writes, and the end when the client leaves or the app
 * stops. Resolves once subscribed, so whatever is committed afterwards reaches the stream.
 */
export async function openLiveStream(
  ctx: Ctx,
  response: ServerResponse,
  connection: { onClose(listener: () => void): void },
  handlers: LiveStreamHandlers,
): Promise<LiveStream> {
  const actor = requireActor(ctx);
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // Tells nginx not to buffer the stream.
    'x-accel-buffering': 'no',
    'x-request-id': ctx.requestId,
    'x-content-type-options': 'nosniff',
  });
  let open = true;
  let queue = Promise.resolve();
  const stream: LiveStream = {
    write(event, data) {
      if (open) response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    enqueue(work) {
      queue = queue.then(work).catch((error: unknown) => {
        ctx.log.warn({ err: error, requestId: ctx.requestId }, `${handlers.name} could not send an event`);
      });
    },
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
    onEvent: (event) => handlers.onEvent(event, stream),
    onClose: finish,
    onResync: () => handlers.onResync(stream),
  });
  if (!open) unsubscribe();
  response.write('retry: 5000\n\n');
  return stream;
}
