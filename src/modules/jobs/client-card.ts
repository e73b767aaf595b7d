import type { Executor } from '../../db/client.ts';
import { isPaymentVerified } from '../payments/index.ts';
import { getClientSummaries, type Location } from '../profiles/summaries.ts';
import { getClientHiringStats } from './client-hiring-stats.ts';

/** What a freelancer sees about the client next to a job. */
export interface ClientCard {
  userId: string;
  name: string;
  company: string | null;
  location: Location;
  paymentVerified: boolean;
  memberSince: Date;
  lastActiveAt: Date | null;
  jobsPosted: number;
  openJobs: number;
  hires: number;
  hireRatePercent: number | null;
  totalSpentCents: number;
  currency: string;
}

export async function getClientCard(executor: Executor, clientId: string): Promise<ClientCard> {
  const [summaries, stats, paymentVerified] = await Promise.all([
    getClientSummaries(executor, [clientId]),
    getClientHiringStats(executor, [clientId]),
    isPaymentVerified(executor, clientId),
  ]);
  const summary = summaries.get(clientId);
  const stat = stats.get(clientId);
  if (!summary || !stat) throw new Error(`Client ${clientId} of a job is not a client account`);
  return {
    userId: clientId,
    name: summary.name,
    company: summary.company,
    location: summary.location,
    paymentVerified,
    memberSince: summary.memberSince,
    lastActiveAt: summary.lastActiveAt,
    ...stat,
    // TODO(contracts/ledger): no module exports a client's total paid yet; 0 until one does.
    totalSpentCents: 0,
    currency: 'USD',
  };
}
