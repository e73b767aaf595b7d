import { notFound } from '../../platform/errors.ts';
import type { Ctx } from '../../server/context.ts';
import { getPublicUsers, type PublicUser } from '../accounts/public-users.ts';
import { type ClientHiringStats, getClientHiringStats } from '../jobs/client-hiring-stats.ts';
import { getClientTotalsSpent } from '../milestones/client-spending.ts';
import { isPaymentVerified } from '../payments/payment-verified.ts';
import { blankClientProfile, type ClientProfile, loadClientProfile } from './client-profile.ts';

export interface PublicClient {
  profile: ClientProfile;
  user: PublicUser;
  /** The client has a verified billing method (payments module). */
  paymentVerified: boolean;
  /** Jobs posted, open, hires and hire rate (jobs module). */
  hiring: ClientHiringStats;
  /** Paid to freelancers, in US dollars (milestones module). */
  totalSpentCents: number;
}

// Every contract is in US dollars today (see jobs/client-card.ts).
const CARD_CURRENCY = 'USD';

/** The client card any signed-in user may see; 404 when the user is not a client. */
export async function getPublicClientCard(ctx: Ctx, userId: string): Promise<PublicClient> {
  const user = (await getPublicUsers(ctx.db, [userId])).get(userId);
  if (!user?.roles.includes('client')) throw notFound('Client');
  const profile = (await loadClientProfile(ctx.db, userId)) ?? blankClientProfile(userId, user.displayName);
  const [paymentVerified, hiring, spent] = await Promise.all([
    isPaymentVerified(ctx.db, userId),
    getClientHiringStats(ctx.db, [userId]),
    getClientTotalsSpent(ctx.db, [userId]),
  ]);
  return {
    profile,
    user,
    paymentVerified,
    hiring: hiring.get(userId) ?? { jobsPosted: 0, openJobs: 0, hires: 0, hireRatePercent: null },
    totalSpentCents: spent.get(userId)?.get(CARD_CURRENCY) ?? 0,
  };
}
