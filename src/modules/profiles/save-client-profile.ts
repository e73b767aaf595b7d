import { AppError } from '../../platform/errors.ts';
import type { Ctx } from '../../server/context.ts';
import { actingAs } from './access.ts';
import { type ClientProfile, loadClientProfile } from './client-profile.ts';
import type { SaveClientProfileInput } from './schemas.ts';
import { clientProfiles } from './tables.ts';

/** Creates or replaces the caller's client profile. */
export async function saveClientProfile(ctx: Ctx, input: SaveClientProfileInput): Promise<ClientProfile> {
  const actor = actingAs(ctx, 'client');
  return ctx.tx(async (tx) => {
    const now = ctx.clock.now();
    const fields = {
      name: input.name,
      company: input.company,
      description: input.description,
      country: input.country,
      city: input.city,
      timeZone: input.timeZone,
      updatedAt: now,
    };
    await tx
      .insert(clientProfiles)
      .values({ userId: actor.userId, createdAt: now, ...fields })
      .onConflictDoUpdate({ target: clientProfiles.userId, set: fields });
    const saved = await loadClientProfile(tx, actor.userId);
    if (!saved) throw new AppError('internal', { userMessage: 'The profile was not saved.' });
    return saved;
  });
}
