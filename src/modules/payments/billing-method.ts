import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { billingMethods } from './tables.ts';

export type BillingMethod = typeof billingMethods.$inferSelect;

/** A client may keep this many billing methods at once. */
export const MAX_BILLING_METHODS = 10;

/** The caller's own, not removed billing method; 404 for anyone else's (its existence stays private). */
export async function findOwnBillingMethod(
  executor: Executor,
  clientId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<BillingMethod> {
  const query = executor
    .select()
    .from(billingMethods)
    .where(and(eq(billingMethods.id, id), eq(billingMethods.clientId, clientId), isNull(billingMethods.removedAt)));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw notFound('Billing method');
  return row;
}

/** Any billing method by id, removed or not (charges settle against the method they started with). */
export async function billingMethodById(executor: Executor, id: string): Promise<BillingMethod> {
  const [row] = await executor.select().from(billingMethods).where(eq(billingMethods.id, id));
  if (!row) throw notFound('Billing method');
  return row;
}

export async function listOwnBillingMethods(executor: Executor, clientId: string): Promise<BillingMethod[]> {
  return executor
    .select()
    .from(billingMethods)
    .where(and(eq(billingMethods.clientId, clientId), isNull(billingMethods.removedAt)))
    .orderBy(desc(billingMethods.isDefault), asc(billingMethods.createdAt));
}

export async function defaultBillingMethod(executor: Executor, clientId: string): Promise<BillingMethod | null> {
  const [row] = await executor
    .select()
    .from(billingMethods)
    .where(
      and(eq(billingMethods.clientId, clientId), eq(billingMethods.isDefault, true), isNull(billingMethods.removedAt)),
    );
  return row ?? null;
}

/**
 * Makes the oldest verified method the default when the client has none (after the first card is
 * added, a bank account is verified, or the default is removed).
 */
export async function ensureDefault(tx: Executor, clientId: string): Promise<void> {
  if (await defaultBillingMethod(tx, clientId)) return;
  const [candidate] = await tx
    .select({ id: billingMethods.id })
    .from(billingMethods)
    .where(
      and(
        eq(billingMethods.clientId, clientId),
        eq(billingMethods.status, 'verified'),
        isNull(billingMethods.removedAt),
      ),
    )
    .orderBy(asc(billingMethods.createdAt))
    .limit(1);
  if (candidate) await tx.update(billingMethods).set({ isDefault: true }).where(eq(billingMethods.id, candidate.id));
}
