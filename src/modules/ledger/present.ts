import type { z } from 'zod';
import type { AccountBalance } from './accounts.ts';
import type { TransferListing } from './list-transfers.ts';
import type { LedgerBalanceResponse, LedgerTransferResponse } from './schemas.ts';

export function presentBalance(account: AccountBalance): z.infer<typeof LedgerBalanceResponse> {
  return {
    accountId: account.id,
    kind: account.kind,
    currency: account.currency,
    balanceCents: account.balanceCents,
    guarded: account.guarded,
  };
}

export function presentTransfer(transfer: TransferListing): z.infer<typeof LedgerTransferResponse> {
  return {
    id: transfer.id,
    idempotencyKey: transfer.idempotencyKey,
    reason: transfer.reason,
    refs: transfer.refs,
    memo: transfer.memo,
    reversesTransferId: transfer.reversesTransferId,
    createdAt: transfer.createdAt.toISOString(),
    postings: transfer.postings,
  };
}
