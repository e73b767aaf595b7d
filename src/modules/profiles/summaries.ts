import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { getPublicUsers } from '../accounts/public-users.ts';
import { loadClientProfiles } from './client-profile.ts';
import type { Skill } from './get-taxonomy.ts';
import type { Availability } from './limits.ts';
import { freelancerProfiles, freelancerSkills, skills } from './tables.ts';

export interface Location {
  country: string | null;
  city: string | null;
}

/** What other modules show about a freelancer in a list or card (proposals, contracts, search). */
export interface FreelancerSummary {
  userId: string;
  name: string;
  title: string;
  hourlyRateCents: number | null;
  currency: string;
  location: Location;
  timeZone: string;
  availability: Availability;
  skills: Skill[];
  memberSince: Date;
  lastActiveAt: Date | null;
}

/** What other modules show about a client next to a job or contract. */
export interface ClientSummary {
  userId: string;
  name: string;
  company: string | null;
  location: Location;
  timeZone: string;
  memberSince: Date;
  lastActiveAt: Date | null;
}

/**
 * Summaries of the freelancers among `ids`, keyed by user id. A freelancer who has not saved a
 * profile yet appears under their account name; ids that are not freelancers are left out.
 */
export async function getFreelancerSummaries(
  executor: Executor,
  ids: string[],
): Promise<Map<string, FreelancerSummary>> {
  const users = await getPublicUsers(executor, ids);
  const freelancerIds = [...users.values()].filter((user) => user.roles.includes('freelancer')).map((user) => user.id);
  const summaries = new Map<string, FreelancerSummary>();
  if (freelancerIds.length === 0) return summaries;
  const rows = await executor
    .select()
    .from(freelancerProfiles)
    .where(inArray(freelancerProfiles.userId, freelancerIds));
  const profiles = new Map(rows.map((row) => [row.userId, row]));
  const skillRows = await executor
    .select({ userId: freelancerSkills.userId, id: skills.id, slug: skills.slug, name: skills.name })
    .from(freelancerSkills)
    .innerJoin(skills, eq(skills.id, freelancerSkills.skillId))
    .where(inArray(freelancerSkills.userId, freelancerIds))
    .orderBy(asc(freelancerSkills.userId), asc(freelancerSkills.position));
  for (const userId of freelancerIds) {
    const user = users.get(userId);
    if (!user) continue;
    const profile = profiles.get(userId);
    summaries.set(userId, {
      userId,
      name: profile?.name ?? user.displayName,
      title: profile?.title ?? '',
      hourlyRateCents: profile?.hourlyRateCents ?? null,
      currency: profile?.currency ?? 'USD',
      location: { country: profile?.country ?? null, city: profile?.city ?? null },
      timeZone: profile?.timeZone ?? 'UTC',
      availability: (profile?.availability ?? 'as_needed') as Availability,
      skills: skillRows.filter((row) => row.userId === userId).map(({ id, slug, name }) => ({ id, slug, name })),
      memberSince: user.memberSince,
      lastActiveAt: user.lastActiveAt,
    });
  }
  return summaries;
}

/** Summaries of the clients among `ids`, keyed by user id; ids that are not clients are left out. */
export async function getClientSummaries(executor: Executor, ids: string[]): Promise<Map<string, ClientSummary>> {
  const users = await getPublicUsers(executor, ids);
  const clientIds = [...users.values()].filter((user) => user.roles.includes('client')).map((user) => user.id);
  const profiles = await loadClientProfiles(executor, clientIds);
  const summaries = new Map<string, ClientSummary>();
  for (const userId of clientIds) {
    const user = users.get(userId);
    if (!user) continue;
    const profile = profiles.get(userId);
    summaries.set(userId, {
      userId,
      name: profile?.name ?? user.displayName,
      company: profile?.company ?? null,
      location: { country: profile?.country ?? null, city: profile?.city ?? null },
      timeZone: profile?.timeZone ?? 'UTC',
      memberSince: user.memberSince,
      lastActiveAt: user.lastActiveAt,
    });
  }
  return summaries;
}
