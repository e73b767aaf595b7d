import { inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { contractPayments } from './tables.ts';

/**
 * What each client has paid freelancers, by currency: milestone payments and bonuses, less what
 * freelancers refunded. Money still in escrow is not spent yet.
 */
export async function getClientTotalsSpent(
  executor: Executor,
  clientIds: readonly string[],
): Promise<Map<string, Map<string, number>>> {
  const totals = new Map<string, Map<string, number>>();
  if (clientIds.length === 0) return totals;
  const rows = await executor
    .select({
      clientId: contractPayments.clientId,
      currency: contractPayments.currency,
      spent: sql<string>`sum(${contractPayments.grossCents} - ${contractPayments.refundedCents})`,
    })
    .from(contractPayments)
    .where(inArray(contractPayments.clientId, [...clientIds]))
    .groupBy(contractPayments.clientId, contractPayments.currency);
  for (const row of rows) {
    const byCurrency = totals.get(row.clientId) ?? new Map<string, number>();
    byCurrency.set(row.currency, Number(row.spent));
    totals.set(row.clientId, byCurrency);
  }
  return totals;
}
