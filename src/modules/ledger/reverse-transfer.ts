import type { Executor } from '../../db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { type PostedTransfer, postTransfer } from './post-transfer.ts';
import { getReversalOf, getTransfer } from './transfers.ts';

export interface ReverseTransferInput {
  transferId: string;
  idempotencyKey: string;
  at: Date;
  /** Defaults to "ledger.reversal". */
  reason?: string;
  memo?: string;
}

/**
 * Undoes a transfer with its exact opposite, which references the original (transfers are never
 * edited). A transfer is reversed at most once (a unique index says so); a reversal is not itself
 * reversible: post a new transfer instead. Guarded accounts must still hold the money.
 */
export async function reverseTransfer(tx: Executor, input: ReverseTransferInput): Promise<PostedTransfer> {
  const original = await getTransfer(tx, input.transferId);
  if (!original) throw notFound('The transfer');
  if (original.reversesTransferId) {
    throw new AppError('invalid_state', { userMessage: 'A reversal cannot be reversed; post a new transfer instead.' });
  }
  const existing = await getReversalOf(tx, original.id);
  if (existing && existing.idempotencyKey !== input.idempotencyKey) {
    throw new AppError('invalid_state', {
      userMessage: 'This transfer was already reversed.',
      details: { reversalId: existing.id },
    });
  }
  try {
    return await postTransfer(tx, {
      idempotencyKey: input.idempotencyKey,
      reason: input.reason ?? 'ledger.reversal',
      refs: original.refs,
      memo: input.memo ?? `Reversal of ${original.reason} ${original.id}`,
      at: input.at,
      reversesTransferId: original.id,
      postings: original.postings.map((posting) => ({
        accountId: posting.accountId,
        amountCents: -posting.amountCents,
      })),
    });
  } catch (error) {
    // Two different reversals racing: the unique index on reverses_transfer_id lets one through.
    if (violatedConstraint(error) === 'ledger_transfers_reverses_key') {
      throw new AppError('invalid_state', { userMessage: 'This transfer was already reversed.', cause: error });
    }
    throw error;
  }
}

/** The constraint a PostgreSQL error names, whether it comes from pg directly or wrapped by drizzle. */
function violatedConstraint(error: unknown): string | undefined {
  const found = error as { constraint?: string; cause?: { constraint?: string } };
  return found.constraint ?? found.cause?.constraint;
}
