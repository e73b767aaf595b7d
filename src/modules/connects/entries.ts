import type { Tx } from '../../db/transaction.ts';
import { newId } from '../../platform/ids.ts';
import { connectsAccount, getBalanceByKey } from '../ledger/accounts.ts';
import { type ConnectsEntryKind, connectsEntries } from './tables.ts';

export interface EntryToRecord {
  /** Chosen by the caller when something must point at the entry before it exists. */
  id?: string;
  userId: string;
  kind: ConnectsEntryKind;
  amount: number;
  transferId: string;
  memo: string;
  at: Date;
  lotId?: string | null;
  jobId?: string | null;
  proposalId?: string | null;
}

/**
 * Appends a history entry right after its ledger transfer, in the same transaction: the user's
 * Connects account row is still locked by that transfer, so the balance read here is exact.
 */
export async function recordEntry(tx: Tx, entry: EntryToRecord): Promise<typeof connectsEntries.$inferSelect> {
  const balanceAfter = await getBalanceByKey(tx, connectsAccount(entry.userId));
  const [row] = await tx
    .insert(connectsEntries)
    .values({
      id: entry.id ?? newId(),
      userId: entry.userId,
      kind: entry.kind,
      amount: entry.amount,
      balanceAfter,
      lotId: entry.lotId ?? null,
      jobId: entry.jobId ?? null,
      proposalId: entry.proposalId ?? null,
      memo: entry.memo,
      transferId: entry.transferId,
      createdAt: entry.at,
    })
    .returning();
  if (!row) throw new Error('connects entry insert returned no row');
  return row;
}
