import { eq } from 'drizzle-orm';
import { AppError, invalidField } from '../../platform/errors.ts';
import type { Ctx } from '../../server/context.ts';
import { actingAs } from './access.ts';
import { type FreelancerProfile, loadFreelancerProfile } from './freelancer-profile.ts';
import { getSkillsById } from './get-taxonomy.ts';
import type { SaveFreelancerProfileInput } from './schemas.ts';
import { freelancerProfiles, freelancerSkills } from './tables.ts';

/** Creates or replaces the caller's freelancer profile, skills included (in the given order). */
export async function saveFreelancerProfile(ctx: Ctx, input: SaveFreelancerProfileInput): Promise<FreelancerProfile> {
  const actor = actingAs(ctx, 'freelancer');
  return ctx.tx(async (tx) => {
    const known = await getSkillsById(tx, input.skillIds);
    const unknown = input.skillIds.findIndex((id) => !known.has(id));
    if (unknown >= 0) throw invalidField(`skillIds.${unknown}`, `Unknown skill: ${input.skillIds[unknown]}.`);

    const now = ctx.clock.now();
    const fields = {
      name: input.name,
      title: input.title,
      overview: input.overview,
      hourlyRateCents: input.hourlyRateCents,
      currency: input.currency,
      country: input.country,
      city: input.city,
      timeZone: input.timeZone,
      availability: input.availability,
      languages: input.languages,
      updatedAt: now,
    };
    await tx
      .insert(freelancerProfiles)
      .values({ userId: actor.userId, createdAt: now, ...fields })
      .onConflictDoUpdate({ target: freelancerProfiles.userId, set: fields });
    await tx.delete(freelancerSkills).where(eq(freelancerSkills.userId, actor.userId));
    await tx
      .insert(freelancerSkills)
      .values(input.skillIds.map((skillId, position) => ({ userId: actor.userId, skillId, position })));

    const saved = await loadFreelancerProfile(tx, actor.userId);
    if (!saved) throw new AppError('internal', { userMessage: 'The profile was not saved.' });
    return saved;
  });
}
