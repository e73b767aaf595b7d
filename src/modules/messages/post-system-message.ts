import type { Tx } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import { notFound } from '../../platform/errors.ts';
import { appendMessage } from './append-message.ts';
import { requireMessageText } from './message-text.ts';

/**
 * Records an event in a thread ("Offer sent", "Milestone 2 approved"), in the caller's
 * transaction. System messages have no sender, are allowed in read-only threads (a contract's
 * end is itself recorded) and do not notify: the module that acted notifies as it sees fit.
 */
export async function postSystemMessage(
  tx: Tx,
  clock: Clock,
  input: { threadId: string; text: string },
): Promise<{ id: string; createdAt: Date }> {
  const text = requireMessageText(input.text);
  const row = await appendMessage(tx, clock.now(), {
    threadId: input.threadId,
    kind: 'system',
    senderId: null,
    text,
    requireOpen: false,
  });
  if (!row) throw notFound('This conversation');
  return { id: row.id, createdAt: row.createdAt };
}
