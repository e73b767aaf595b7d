import type { Ctx } from '../../server/context.ts';
import { getPublicUsers } from '../accounts/public-users.ts';
import { actingAs } from './access.ts';
import { blankFreelancerProfile, type FreelancerProfile, loadFreelancerProfile } from './freelancer-profile.ts';

/** The caller's freelancer profile to edit; before the first save, a blank one with the account's name. */
export async function getOwnFreelancerProfile(ctx: Ctx): Promise<FreelancerProfile> {
  const actor = actingAs(ctx, 'freelancer');
  const saved = await loadFreelancerProfile(ctx.db, actor.userId);
  if (saved) return saved;
  const user = (await getPublicUsers(ctx.db, [actor.userId])).get(actor.userId);
  return blankFreelancerProfile(actor.userId, user?.displayName ?? '');
}
