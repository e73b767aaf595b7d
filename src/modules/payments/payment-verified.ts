import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { billingMethods } from './tables.ts';

/** The "payment verified" mark on a client card: the client has a verified billing method. */
export async function isPaymentVerified(executor: Executor, clientId: string): Promise<boolean> {
  return (await paymentVerifiedClients(executor, [clientId])).has(clientId);
}

/** The clients among `clientIds` with the "payment verified" mark (for lists of jobs or clients). */
export async function paymentVerifiedClients(executor: Executor, clientIds: string[]): Promise<Set<string>> {
  if (clientIds.length === 0) return new Set();
  const rows = await executor
    .selectDistinct({ clientId: billingMethods.clientId })
    .from(billingMethods)
    .where(
      and(
        inArray(billingMethods.clientId, clientIds),
        eq(billingMethods.status, 'verified'),
        isNull(billingMethods.removedAt),
      ),
    );
  return new Set(rows.map((row) => row.clientId));
}
