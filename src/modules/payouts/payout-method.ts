import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { payoutMethods } from './tables.ts';

export type PayoutMethod = typeof payoutMethods.$inferSelect;

/** The freelancer's live payout methods, oldest first. */
export async function listLivePayoutMethods(executor: Executor, freelancerId: string): Promise<PayoutMethod[]> {
  return executor
    .select()
    .from(payoutMethods)
    .where(and(eq(payoutMethods.freelancerId, freelancerId), isNull(payoutMethods.removedAt)))
    .orderBy(asc(payoutMethods.createdAt), asc(payoutMethods.id));
}

export async function countLivePayoutMethods(executor: Executor, freelancerId: string): Promise<number> {
  const [row] = await executor
    .select({ total: count() })
    .from(payoutMethods)
    .where(and(eq(payoutMethods.freelancerId, freelancerId), isNull(payoutMethods.removedAt)));
  return row?.total ?? 0;
}

/** One of the freelancer's live methods; anyone else's (or a removed one) is a 404. */
export async function findOwnPayoutMethod(
  executor: Executor,
  freelancerId: string,
  payoutMethodId: string,
): Promise<PayoutMethod> {
  const [row] = await executor
    .select()
    .from(payoutMethods)
    .where(
      and(
        eq(payoutMethods.id, payoutMethodId),
        eq(payoutMethods.freelancerId, freelancerId),
        isNull(payoutMethods.removedAt),
      ),
    );
  if (!row) throw notFound('The payout method');
  return row;
}

/** By id whatever its state (a withdrawal still pays to a method removed after it started). */
export async function payoutMethodById(executor: Executor, payoutMethodId: string): Promise<PayoutMethod> {
  const [row] = await executor.select().from(payoutMethods).where(eq(payoutMethods.id, payoutMethodId));
  if (!row) throw new Error(`payout method ${payoutMethodId} not found`);
  return row;
}
