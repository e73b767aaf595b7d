import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { connectsAccount, connectsPoolAccount } from '../ledger/accounts.ts';
import { postTransfer } from '../ledger/post-transfer.ts';
import { recordEntry } from './entries.ts';
import { connectsLots, connectsSpendLots } from './tables.ts';

export interface SpendInput {
  userId: string;
  amount: number;
  /** What the Connects buy; the spend is keyed by it, so one proposal is paid for once. */
  proposalId: string;
  jobId: string;
  memo: string;
  at: Date;
}

/**
 * Spends Connects for a proposal, from the lots that expire first, in the caller's transaction.
 * Without enough unexpired Connects it throws 402 and writes nothing (the caller's transaction
 * rolls back whatever else it did). The user's lots are locked in expiry order, so concurrent
 * spends by one user queue instead of both counting the same Connects; the ledger's guard on the
 * Connects account would refuse an overdraft anyway.
 */
export async function spendConnects(tx: Tx, input: SpendInput): Promise<{ entryId: string; transferId: string }> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) throw invalidField('amount', 'Spend whole Connects.');
  const lots = await tx
    .select({ id: connectsLots.id, remaining: connectsLots.remaining })
    .from(connectsLots)
    .where(
      and(eq(connectsLots.userId, input.userId), gt(connectsLots.remaining, 0), gt(connectsLots.expiresAt, input.at)),
    )
    .orderBy(asc(connectsLots.expiresAt), asc(connectsLots.id))
    .for('update');
  const available = lots.reduce((sum, lot) => sum + lot.remaining, 0);
  if (available < input.amount) {
    throw new AppError('payment_required', {
      userMessage: `This proposal costs ${input.amount} Connects and you have ${available}. Buy more Connects to send it.`,
      fields: [{ field: 'connects', message: `${input.amount} Connects needed, ${available} available.` }],
      details: { required: input.amount, available },
    });
  }
  const transfer = await postTransfer(tx, {
    idempotencyKey: `connects:spend:${input.proposalId}`,
    reason: 'connects.spend',
    refs: { userId: input.userId, extra: { proposalId: input.proposalId, jobId: input.jobId } },
    memo: input.memo,
    at: input.at,
    postings: [
      { account: connectsAccount(input.userId), amountCents: -input.amount },
      { account: connectsPoolAccount(), amountCents: input.amount },
    ],
  });
  const entry = await recordEntry(tx, {
    userId: input.userId,
    kind: 'spend',
    amount: -input.amount,
    transferId: transfer.id,
    memo: input.memo,
    at: input.at,
    jobId: input.jobId,
    proposalId: input.proposalId,
  });
  let left = input.amount;
  for (const lot of lots) {
    if (left === 0) break;
    const take = Math.min(left, lot.remaining);
    left -= take;
    await tx
      .update(connectsLots)
      .set({ remaining: sql`${connectsLots.remaining} - ${take}` })
      .where(eq(connectsLots.id, lot.id));
    await tx.insert(connectsSpendLots).values({ entryId: entry.id, lotId: lot.id, amount: take });
  }
  return { entryId: entry.id, transferId: transfer.id };
}
