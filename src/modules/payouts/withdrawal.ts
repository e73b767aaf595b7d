import { and, desc, eq, inArray, lt, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { withdrawals } from './tables.ts';

export type Withdrawal = typeof withdrawals.$inferSelect;

/** Ledger and processor keys of a withdrawal: one of each per withdrawal, for ever. */
export const withdrawalKeys = {
  start: (withdrawalId: string) => `withdrawal:${withdrawalId}:start`,
  complete: (withdrawalId: string) => `withdrawal:${withdrawalId}:complete`,
  fail: (withdrawalId: string) => `withdrawal:${withdrawalId}:fail`,
  processor: (withdrawalId: string) => `workroom-payout-${withdrawalId}`,
};

/** What the processor sends: the amount withdrawn less the payout fee. */
export const netOf = (withdrawal: Pick<Withdrawal, 'amountCents' | 'feeCents'>): number =>
  withdrawal.amountCents - withdrawal.feeCents;

export async function findWithdrawalByKey(
  executor: Executor,
  freelancerId: string,
  idempotencyKey: string,
): Promise<Withdrawal | undefined> {
  const [row] = await executor
    .select()
    .from(withdrawals)
    .where(and(eq(withdrawals.freelancerId, freelancerId), eq(withdrawals.idempotencyKey, idempotencyKey)));
  return row;
}

/** The freelancer's withdrawals, newest first, after a keyset position. */
export async function listOwnWithdrawals(
  executor: Executor,
  freelancerId: string,
  page: { limit: number; before?: { createdAt: Date; id: string } },
): Promise<Withdrawal[]> {
  const before = page.before;
  return executor
    .select()
    .from(withdrawals)
    .where(
      and(
        eq(withdrawals.freelancerId, freelancerId),
        before
          ? or(
              lt(withdrawals.createdAt, before.createdAt),
              and(eq(withdrawals.createdAt, before.createdAt), lt(withdrawals.id, before.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(withdrawals.createdAt), desc(withdrawals.id))
    .limit(page.limit);
}

/** Withdrawals by id (for the transaction history's status column); other modules call this. */
export async function withdrawalsByIds(executor: Executor, ids: string[]): Promise<Map<string, Withdrawal>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select()
    .from(withdrawals)
    .where(inArray(withdrawals.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row]));
}
