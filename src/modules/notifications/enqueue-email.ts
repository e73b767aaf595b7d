import type { Tx } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { emailOutbox } from './tables.ts';

export interface EmailToSend {
  /** The recipient's account, when there is one (a reset link for an unknown address has none). */
  userId?: string | null;
  to: string;
  subject: string;
  text: string;
  /** A stable machine name such as "accounts.password_reset", for operators and metrics. */
  kind: string;
}

/**
 * Queues an email in the caller's transaction: it is sent after commit by the `deliver-emails`
 * task, never from inside the transaction, and is lost with a rollback as it should be.
 */
export async function enqueueEmail(tx: Tx, clock: Clock, input: EmailToSend): Promise<{ id: string }> {
  const id = newId();
  const now = clock.now();
  await tx.insert(emailOutbox).values({
    id,
    userId: input.userId ?? null,
    toAddress: input.to.trim(),
    // A subject is one header line: a stray newline would let text leak into the headers.
    subject: input.subject.replace(/[\r\n]+/g, ' ').trim(),
    textBody: input.text,
    kind: input.kind,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
  });
  return { id };
}
