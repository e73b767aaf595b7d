import { notFound } from '../../platform/errors.ts';
import type { Ctx } from '../../server/context.ts';
import { getPublicUsers, type PublicUser } from '../accounts/public-users.ts';
import { type ClientHiringRecord, getClientHiringRecord } from '../jobs/client-hiring-record.ts';
import { blankClientProfile, type ClientProfile, loadClientProfile } from './client-profile.ts';

export interface PublicClient {
  profile: ClientProfile;
  user: PublicUser;
  /** Payment verified, jobs, hires and money spent (jobs module). */
  hiring: ClientHiringRecord;
}

/** The client card any signed-in user may see; 404 when the user is not a client. */
export async function getPublicClientCard(ctx: Ctx, userId: string): Promise<PublicClient> {
  const user = (await getPublicUsers(ctx.db, [userId])).get(userId);
  if (!user?.roles.includes('client')) throw notFound('Client');
  const profile = (await loadClientProfile(ctx.db, userId)) ?? blankClientProfile(userId, user.displayName);
  return { profile, user, hiring: await getClientHiringRecord(ctx.db, userId) };
}
