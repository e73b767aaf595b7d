import type { Executor } from '../../db/client.ts';
import { queryPrepared } from '../../db/driver-query.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { AccountKey } from './accounts.ts';
import { arrayLiteral, toWirePostings } from './transfer-wire.ts';
import { getTransfer, type Transfer, type TransferRefs } from './transfers.ts';

/** One leg of a transfer: an account (by id, or by key, created on first use) and a signed amount. */
export type PostingInput = { accountId: string; amountCents: number } | { account: AccountKey; amountCents: number };

export interface TransferInput {
  /** Unique for ever: posting the same key again returns the first transfer instead of moving money twice. */
  idempotencyKey: string;
  /** A stable code such as "escrow.fund" or "escrow.release" (lower case, dots, underscores). */
  reason: string;
  refs?: TransferRefs;
  memo?: string;
  /** When it happened: the caller's `ctx.clock.now()`. */
  at: Date;
  postings: PostingInput[];
  /** Set by reverseTransfer. */
  reversesTransferId?: string;
}

export interface PostedTransfer extends Transfer {
  /** True when the key had already been posted: nothing moved this time. */
  replayed: boolean;
}

interface PostResult extends Record<string, unknown> {
  o_transfer_id: string | null;
  o_outcome: 'posted' | 'replayed' | 'mismatch' | 'insufficient_funds';
  o_account_ids: string[] | null;
  o_currencies: string[] | null;
  o_short_account_id: string | null;
}

const POST_TRANSFER_SQL = `select * from ledger_post_transfer($1::uuid, $2::text, $3::text, $4::jsonb, $5::text,
  $6::uuid, $7::timestamptz, $8::uuid[], $9::bigint[], $10::jsonb)`;

/**
 * Posts a balanced transfer in one database round trip (the `ledger_post_transfer` function):
 * safe to call inside a larger transaction (`ctx.tx`) or alone on the pool, where it is a
 * transaction by itself. Throws `insufficient_funds` (nothing written) when a guarded account would
 * go negative, and `idempotency_key_reused` when the key was used for a different transfer.
 */
export async function postTransfer(tx: Executor, input: TransferInput): Promise<PostedTransfer> {
  const { accountIds, amounts, accountKeys } = toWirePostings(input);
  const id = newId();
  const [row] = await queryPrepared<PostResult>(tx, 'ledger_post_transfer', POST_TRANSFER_SQL, [
    id,
    input.idempotencyKey,
    input.reason,
    JSON.stringify(input.refs ?? {}),
    input.memo ?? null,
    input.reversesTransferId ?? null,
    input.at.toISOString(),
    arrayLiteral(accountIds),
    arrayLiteral(amounts),
    accountKeys ? JSON.stringify(accountKeys) : null,
  ]);
  if (!row) throw new Error('ledger_post_transfer returned no row');
  switch (row.o_outcome) {
    case 'posted':
      return {
        id,
        idempotencyKey: input.idempotencyKey,
        reason: input.reason,
        refs: input.refs ?? {},
        memo: input.memo ?? null,
        reversesTransferId: input.reversesTransferId ?? null,
        createdAt: input.at,
        postings: input.postings.map((posting, index) => ({
          accountId: row.o_account_ids?.[index] as string,
          currency: row.o_currencies?.[index] as string,
          amountCents: posting.amountCents,
        })),
        replayed: false,
      };
    case 'replayed': {
      const existing = await getTransfer(tx, row.o_transfer_id as string);
      if (!existing) throw new Error(`replayed transfer ${row.o_transfer_id} not found`);
      return { ...existing, replayed: true };
    }
    case 'mismatch':
      throw new AppError('idempotency_key_reused', {
        userMessage: 'This idempotency key was already used for a different transfer.',
        details: { idempotencyKey: input.idempotencyKey, transferId: row.o_transfer_id },
      });
    case 'insufficient_funds':
      throw new AppError('insufficient_funds', { details: { accountId: row.o_short_account_id } });
  }
}
