import type { ServerResponse } from 'node:http';
import { eq } from 'drizzle-orm';
import { type Ctx, requireActor } from '../../server/context.ts';
import type { LiveEvent } from '../../server/live.ts';
import { openLiveStream } from '../../server/live-stream.ts';
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
  const stream = await openLiveStream(ctx, response, connection, {
    name: 'thread stream',
    onEvent(event, live) {
      if (threadIdOf(event) !== thread.id) return;
      if (event.type === MESSAGE_EVENT) {
        const { messageId } = event.data as MessageEventData;
        live.enqueue(async () => {
          const rows = await ctx.db.select().from(messages).where(eq(messages.id, messageId));
          const [view] = await viewMessages(ctx.db, thread.id, rows);
          if (view) live.write('message', { message: presentMessage(view) });
        });
      } else if (event.type === READ_EVENT) {
        const { userId, upToMessageId, readAt } = event.data as ReadEventData;
        live.enqueue(() => live.write('read', { userId, upToMessageId, readAt }));
      } else if (event.type === TYPING_EVENT) {
        const { userId, name } = event.data as TypingEventData;
        if (userId !== actor.userId) live.enqueue(() => live.write('typing', { userId, name }));
      } else if (event.type === THREAD_STATE_EVENT) {
        const { state, readOnlyReason } = event.data as ThreadStateEventData;
        live.enqueue(() => live.write('state', { state, readOnlyReason }));
      }
    },
    onResync: (live) => live.enqueue(() => live.write('resync', {})),
  });
  stream.write('ready', { threadId: thread.id });
}
