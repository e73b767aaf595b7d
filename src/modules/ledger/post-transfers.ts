import type { Executor } from '../../db/client.ts';
import { queryPrepared } from '../../db/driver-query.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { PostedTransfer, TransferInput } from './post-transfer.ts';
import {
  arrayLiteral,
  textArrayLiteral,
  toWirePostings,
  type WireAccountKey,
  type WirePostings,
} from './transfer-wire.ts';
import { getTransfer } from './transfers.ts';

/** One transfer's fate in a batch: posted (or replayed), or refused with the error postTransfer would throw. */
export type TransferResult = { ok: true; transfer: PostedTransfer } | { ok: false; error: AppError };

interface BatchRow extends Record<string, unknown> {
  o_position: number;
  o_transfer_id: string | null;
  o_outcome: 'posted' | 'replayed' | 'mismatch' | 'insufficient_funds';
  o_short_account_id: string | null;
  o_account_ids: string[] | null;
  o_currencies: string[] | null;
}

/** At most this many transfers per call: the function's per-batch work grows with the batch. */
export const MAX_BATCH = 64;

const POST_TRANSFERS_SQL = `select * from ledger_post_transfers($1::uuid[], $2::text[], $3::text[], $4::jsonb,
  $5::text[], $6::uuid[], $7::timestamptz[], $8::int[], $9::uuid[], $10::bigint[], $11::jsonb)`;

interface Sendable {
  index: number;
  input: TransferInput;
  wire: WirePostings;
  id: string;
}

/**
 * Posts several transfers in one round trip and one statement (`ledger_post_transfers`), deciding
 * them in order: each is posted, replayed, or refused on its own (an overdraft refuses only that
 * transfer; later ones see the balances without it). For bulk work (a task clearing many
 * earnings) and for TransferBatcher; inside a use case's transaction, postTransfer.
 * Idempotency keys must differ within a call. Reversals go through reverseTransfer.
 */
export async function postTransfers(tx: Executor, inputs: TransferInput[]): Promise<TransferResult[]> {
  if (inputs.length > MAX_BATCH) throw invalidField('transfers', `Post at most ${MAX_BATCH} transfers at once.`);
  const results: (TransferResult | undefined)[] = inputs.map(() => undefined);
  const sendable: Sendable[] = [];
  const keys = new Set<string>();
  for (const [index, input] of inputs.entries()) {
    try {
      const wire = toWirePostings(input);
      if (input.reversesTransferId) throw invalidField('reversesTransferId', 'Reverse with reverseTransfer.');
      if (keys.has(input.idempotencyKey)) throw invalidField('idempotencyKey', 'Used twice in one batch.');
      keys.add(input.idempotencyKey);
      sendable.push({ index, input, wire, id: newId() });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results[index] = { ok: false, error };
    }
  }
  if (sendable.length > 0) {
    for (const row of await callBatch(tx, sendable)) {
      const item = sendable[row.o_position - 1];
      if (!item) throw new Error(`ledger_post_transfers answered for unknown position ${row.o_position}`);
      results[item.index] = await toResult(tx, item, row);
    }
  }
  return results.map((result) => {
    if (!result) throw new Error('ledger_post_transfers left a transfer unanswered');
    return result;
  });
}

function callBatch(tx: Executor, items: Sendable[]): Promise<BatchRow[]> {
  const accountIds: (string | null)[] = [];
  const amounts: number[] = [];
  const accountKeys: (WireAccountKey | null)[] = [];
  let anyKeys = false;
  for (const { wire } of items) {
    accountIds.push(...wire.accountIds);
    amounts.push(...wire.amounts);
    if (wire.accountKeys) anyKeys = true;
    accountKeys.push(...(wire.accountKeys ?? wire.accountIds.map(() => null)));
  }
  return queryPrepared<BatchRow>(tx, 'ledger_post_transfers', POST_TRANSFERS_SQL, [
    arrayLiteral(items.map((item) => item.id)),
    textArrayLiteral(items.map((item) => item.input.idempotencyKey)),
    textArrayLiteral(items.map((item) => item.input.reason)),
    JSON.stringify(items.map((item) => item.input.refs ?? {})),
    textArrayLiteral(items.map((item) => item.input.memo ?? null)),
    arrayLiteral(items.map(() => null)),
    textArrayLiteral(items.map((item) => item.input.at.toISOString())),
    arrayLiteral(items.map((item) => item.wire.accountIds.length)),
    arrayLiteral(accountIds),
    arrayLiteral(amounts),
    anyKeys ? JSON.stringify(accountKeys) : null,
  ]);
}

async function toResult(tx: Executor, { input, id }: Sendable, row: BatchRow): Promise<TransferResult> {
  switch (row.o_outcome) {
    case 'posted':
      return {
        ok: true,
        transfer: {
          id,
          idempotencyKey: input.idempotencyKey,
          reason: input.reason,
          refs: input.refs ?? {},
          memo: input.memo ?? null,
          reversesTransferId: null,
          createdAt: input.at,
          postings: input.postings.map((posting, index) => ({
            accountId: row.o_account_ids?.[index] as string,
            currency: row.o_currencies?.[index] as string,
            amountCents: posting.amountCents,
          })),
          replayed: false,
        },
      };
    case 'replayed': {
      const existing = await getTransfer(tx, row.o_transfer_id as string);
      if (!existing) throw new Error(`replayed transfer ${row.o_transfer_id} not found`);
      return { ok: true, transfer: { ...existing, replayed: true } };
    }
    case 'mismatch':
      return {
        ok: false,
        error: new AppError('idempotency_key_reused', {
          userMessage: 'This idempotency key was already used for a different transfer.',
          details: { idempotencyKey: input.idempotencyKey, transferId: row.o_transfer_id },
        }),
      };
    case 'insufficient_funds':
      return {
        ok: false,
        error: new AppError('insufficient_funds', { details: { accountId: row.o_short_account_id } }),
      };
  }
}
