import type { Executor } from '../../db/client.ts';
import { getClientTotalsSpent } from '../milestones/client-spending.ts';
import { isPaymentVerified } from '../payments/payment-verified.ts';
import { type ClientHiringStats, getClientHiringStats } from './client-hiring-stats.ts';

/** What a freelancer weighs about a client: payment verified, jobs, hires and money spent. */
export interface ClientHiringRecord extends ClientHiringStats {
  paymentVerified: boolean;
  totalSpentCents: number;
  currency: string;
}

// Every contract is in US dollars today; the record shows that currency.
const RECORD_CURRENCY = 'USD';

/**
 * A client's hiring record, for the job page's client card and the client's public page. It reads
 * other modules through their function files only (not their indexes), so that profiles can call
 * it without an import cycle.
 */
export async function getClientHiringRecord(executor: Executor, clientId: string): Promise<ClientHiringRecord> {
  const [stats, paymentVerified, spent] = await Promise.all([
    getClientHiringStats(executor, [clientId]),
    isPaymentVerified(executor, clientId),
    getClientTotalsSpent(executor, [clientId]),
  ]);
  const stat = stats.get(clientId);
  if (!stat) throw new Error(`No hiring statistics for client ${clientId}`);
  return {
    ...stat,
    paymentVerified,
    totalSpentCents: spent.get(clientId)?.get(RECORD_CURRENCY) ?? 0,
    currency: RECORD_CURRENCY,
  };
}
