import { notFound } from '../../platform/errors.ts';
import type { Ctx } from '../../server/context.ts';
import { getPublicUsers, type PublicUser } from '../accounts/public-users.ts';
import { blankFreelancerProfile, type FreelancerProfile, loadFreelancerProfile } from './freelancer-profile.ts';

export interface PublicFreelancer {
  profile: FreelancerProfile;
  user: PublicUser;
}

/** A freelancer's public profile, visible to anyone; 404 when the user is not a freelancer. */
export async function getPublicFreelancerProfile(ctx: Ctx, userId: string): Promise<PublicFreelancer> {
  const user = (await getPublicUsers(ctx.db, [userId])).get(userId);
  if (!user?.roles.includes('freelancer')) throw notFound('Freelancer');
  const profile = (await loadFreelancerProfile(ctx.db, userId)) ?? blankFreelancerProfile(userId, user.displayName);
  return { profile, user };
}
