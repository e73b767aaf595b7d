import type { Executor } from '../../db/client.ts';
import { getClientTotalsSpent } from '../milestones/index.ts';
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

// Every contract is in US dollars today; the card shows that currency.
const CARD_CURRENCY = 'USD';

export async function getClientCard(executor: Executor, clientId: string): Promise<ClientCard> {
  const [summaries, stats, paymentVerified, spent] = await Promise.all([
    getClientSummaries(executor, [clientId]),
    getClientHiringStats(executor, [clientId]),
    isPaymentVerified(executor, clientId),
    getClientTotalsSpent(executor, [clientId]),
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
    totalSpentCents: spent.get(clientId)?.get(CARD_CURRENCY) ?? 0,
    currency: CARD_CURRENCY,
  };
}
