import type { Executor } from '../../db/client.ts';
import { getPublicUsers } from '../accounts/public-users.ts';
import { getJobForHiring } from '../jobs/index.ts';
import { escrowAccount, getBalanceByKey } from '../ledger/accounts.ts';
import { type OfferFees, offerFees, scheduleForOffer } from './offer-fees.ts';
import type { offers } from './tables.ts';

export type OfferRow = typeof offers.$inferSelect;

export interface OfferView {
  row: OfferRow;
  client: { userId: string; name: string };
  freelancer: { userId: string; name: string };
  job: { id: string; title: string } | null;
  fees: OfferFees;
  escrowBalanceCents: number;
}

export function feeTermsOf(row: OfferRow) {
  return row.type === 'fixed'
    ? { type: 'fixed' as const, totalCents: row.totalCents ?? 0 }
    : {
        type: 'hourly' as const,
        hourlyRateCents: row.hourlyRateCents ?? 0,
        weeklyLimitHours: row.weeklyLimitHours ?? 0,
      };
}

export async function viewOffer(executor: Executor, row: OfferRow, now: Date): Promise<OfferView> {
  const users = await getPublicUsers(executor, [row.clientId, row.freelancerId]);
  const job = row.jobId ? await getJobForHiring(executor, row.jobId) : null;
  const schedule = await scheduleForOffer(executor, row.feeScheduleVersion, now);
  return {
    row,
    client: { userId: row.clientId, name: users.get(row.clientId)?.displayName ?? 'Client' },
    freelancer: { userId: row.freelancerId, name: users.get(row.freelancerId)?.displayName ?? 'Freelancer' },
    job: job ? { id: job.id, title: job.title } : null,
    fees: await offerFees(executor, {
      clientId: row.clientId,
      freelancerId: row.freelancerId,
      currency: row.currency,
      terms: feeTermsOf(row),
      schedule,
    }),
    escrowBalanceCents: await getBalanceByKey(executor, escrowAccount(row.contractId, row.currency)),
  };
}
