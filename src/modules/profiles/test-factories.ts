import { aFreelancer, type SignedInUser } from '../../test/factories.ts';
import type { TestApp } from '../../test/harness.ts';
import { taxonomyId } from './seed-taxonomy.ts';

export const skillId = (slug: string): string => taxonomyId('skill', slug);

/** A complete, valid PUT /api/profiles/freelancer/me body. */
export function freelancerProfileBody(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Ada Example',
    title: 'Backend engineer (Go, PostgreSQL)',
    overview: 'I build reliable APIs.\nTen years of experience.',
    hourlyRateCents: 7500,
    currency: 'USD',
    country: 'PT',
    city: 'Lisbon',
    timeZone: 'Europe/Lisbon',
    availability: 'part_time',
    languages: [
      { language: 'Portuguese', proficiency: 'native' },
      { language: 'English', proficiency: 'fluent' },
    ],
    skillIds: [skillId('golang'), skillId('postgresql'), skillId('docker')],
    ...overrides,
  };
}

/** A freelancer who has saved a valid profile. */
export async function aFreelancerWithProfile(
  t: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<SignedInUser & { profile: Record<string, unknown> }> {
  const freelancer = await aFreelancer(t);
  const res = await freelancer.http.put('/api/profiles/freelancer/me', freelancerProfileBody(overrides));
  if (res.status !== 200) throw new Error(`Saving the profile failed (${res.status}): ${res.text}`);
  return { ...freelancer, profile: res.body };
}
