import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import { newId } from '../../platform/ids.ts';
import { reverseTransfer } from '../ledger/reverse-transfer.ts';
import { recordEntry } from './entries.ts';
import { connectsEntries, connectsLots, connectsSpendLots } from './tables.ts';

/**
 * Gives back the Connects of one spend (a job closed without a hire): a ledger reversal that
 * references the spend's transfer, and one refund lot per lot the spend drew from, expiring when
 * that lot did (as Upwork does; an already expired one is taken by the next expiry run).
 * Returns the Connects given back, 0 when this spend was refunded before.
 */
export async function refundConnects(tx: Tx, input: { spendEntryId: string; at: Date; memo: string }): Promise<number> {
  const refundId = newId();
  // Claiming the spend first makes a second refund (or a racing one) a no-op.
  const [spend] = await tx
    .update(connectsEntries)
    .set({ refundedByEntryId: refundId })
    .where(
      and(
        eq(connectsEntries.id, input.spendEntryId),
        eq(connectsEntries.kind, 'spend'),
        isNull(connectsEntries.refundedByEntryId),
      ),
    )
    .returning();
  if (!spend) return 0;
  const reversal = await reverseTransfer(tx, {
    transferId: spend.transferId,
    idempotencyKey: `connects:refund:${spend.id}`,
    reason: 'connects.refund',
    memo: input.memo,
    at: input.at,
  });
  const drawn = await tx
    .select({ lotId: connectsSpendLots.lotId, amount: connectsSpendLots.amount, expiresAt: connectsLots.expiresAt })
    .from(connectsSpendLots)
    .innerJoin(connectsLots, eq(connectsLots.id, connectsSpendLots.lotId))
    .where(eq(connectsSpendLots.entryId, spend.id));
  for (const part of drawn) {
    await tx.insert(connectsLots).values({
      id: newId(),
      userId: spend.userId,
      source: 'refund',
      granted: part.amount,
      remaining: part.amount,
      grantedAt: input.at,
      expiresAt: part.expiresAt,
      grantKey: `refund:${spend.id}:${part.lotId}`,
      transferId: reversal.id,
    });
  }
  await recordEntry(tx, {
    id: refundId,
    userId: spend.userId,
    kind: 'refund',
    amount: -spend.amount,
    transferId: reversal.id,
    memo: input.memo,
    at: input.at,
    jobId: spend.jobId,
    proposalId: spend.proposalId,
  });
  return -spend.amount;
}
