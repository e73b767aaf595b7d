import type { Ctx } from '../../server/context.ts';
import { getPublicUsers } from '../accounts/public-users.ts';
import { actingAs } from './access.ts';
import { blankClientProfile, type ClientProfile, loadClientProfile } from './client-profile.ts';

/** The caller's client profile to edit; before the first save, a blank one with the account's name. */
export async function getOwnClientProfile(ctx: Ctx): Promise<ClientProfile> {
  const actor = actingAs(ctx, 'client');
  const saved = await loadClientProfile(ctx.db, actor.userId);
  if (saved) return saved;
  const user = (await getPublicUsers(ctx.db, [actor.userId])).get(actor.userId);
  return blankClientProfile(actor.userId, user?.displayName ?? '');
}
