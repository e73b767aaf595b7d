import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import { newId } from '../../platform/ids.ts';
import { clientFundingAccount, connectsAccount, connectsPoolAccount, platformAccount } from '../ledger/accounts.ts';
import { type PostingInput, postTransfer } from '../ledger/post-transfer.ts';
import { recordEntry } from './entries.ts';
import { expiryOf } from './rules.ts';
import { type ConnectsLotSource, connectsLots } from './tables.ts';

export type ConnectsLot = typeof connectsLots.$inferSelect;

export interface CreditInput {
  userId: string;
  amount: number;
  source: Exclude<ConnectsLotSource, 'refund'>;
  /** Unique for ever: crediting the same key again returns the first lot. */
  grantKey: string;
  at: Date;
  memo: string;
  /** A purchase: the settled charge whose money (in the buyer's funding account) pays for the lot. */
  payment?: { chargeId: string; amountCents: number; currency: string };
}

/**
 * Credits a lot of Connects from the platform pool, once per `grantKey`. A purchase moves its
 * price, in the same transfer, from the buyer's funding account (where the charge landed) to
 * the platform's Connects revenue.
 */
export async function creditConnects(tx: Tx, input: CreditInput): Promise<{ lot: ConnectsLot; created: boolean }> {
  const [existing] = await tx.select().from(connectsLots).where(eq(connectsLots.grantKey, input.grantKey));
  if (existing) return { lot: existing, created: false };
  const postings: PostingInput[] = [
    { account: connectsPoolAccount(), amountCents: -input.amount },
    { account: connectsAccount(input.userId), amountCents: input.amount },
  ];
  if (input.payment) {
    const { amountCents, currency } = input.payment;
    postings.push(
      { account: clientFundingAccount(input.userId, currency), amountCents: -amountCents },
      { account: platformAccount('platform_connects_revenue', currency), amountCents },
    );
  }
  const transfer = await postTransfer(tx, {
    idempotencyKey: `connects:${input.grantKey}`,
    reason: input.source === 'purchase' ? 'connects.purchase' : 'connects.grant',
    refs: { userId: input.userId, ...(input.payment ? { chargeId: input.payment.chargeId } : {}) },
    memo: input.memo,
    at: input.at,
    postings,
  });
  const [lot] = await tx
    .insert(connectsLots)
    .values({
      id: newId(),
      userId: input.userId,
      source: input.source,
      granted: input.amount,
      remaining: input.amount,
      grantedAt: input.at,
      expiresAt: expiryOf(input.at),
      grantKey: input.grantKey,
      transferId: transfer.id,
      chargeId: input.payment?.chargeId ?? null,
    })
    // Two racing credits of one key: the loser waits for the winner's commit, then finds its lot.
    .onConflictDoNothing({ target: connectsLots.grantKey })
    .returning();
  if (!lot) {
    const [winner] = await tx.select().from(connectsLots).where(eq(connectsLots.grantKey, input.grantKey));
    if (!winner) throw new Error(`connects lot ${input.grantKey} vanished`);
    return { lot: winner, created: false };
  }
  await recordEntry(tx, {
    userId: input.userId,
    kind: input.source === 'purchase' ? 'purchase' : 'grant',
    amount: input.amount,
    transferId: transfer.id,
    memo: input.memo,
    at: input.at,
    lotId: lot.id,
  });
  return { lot, created: true };
}
