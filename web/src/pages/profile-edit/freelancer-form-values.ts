import type { FreelancerProfile } from '../../api/profile-queries.ts';
import type { BodyOf } from '../../api/types.ts';
import { browserCountry } from '../../lib/countries.ts';
import { amountToCents, centsToAmount } from '../../lib/format.ts';
import { browserTimeZone } from '../../lib/time-zones.ts';

export type SaveFreelancerProfile = BodyOf<'/api/profiles/freelancer/me', 'put'>;
type Proficiency = SaveFreelancerProfile['languages'] extends (infer L)[] | undefined
  ? L extends { proficiency: infer P }
    ? P
    : never
  : never;

/** What the form edits: the rate in currency units (people think in dollars), lists with stable keys. */
export interface FreelancerFormValues {
  name: string;
  title: string;
  overview: string;
  skillIds: string[];
  rate: number | string;
  currency: string;
  availability: SaveFreelancerProfile['availability'];
  country: string | null;
  city: string;
  timeZone: string | null;
  languages: { key: string; language: string; proficiency: Proficiency }[];
}

export function toFormValues(profile: FreelancerProfile): FreelancerFormValues {
  return {
    name: profile.name,
    title: profile.title,
    overview: profile.overview,
    skillIds: profile.skills.map((skill) => skill.id),
    rate: profile.hourlyRateCents === null ? '' : centsToAmount(profile.hourlyRateCents),
    currency: profile.currency,
    availability: profile.availability,
    // A profile never saved starts from the browser's own country and time zone.
    country: profile.country ?? (profile.saved ? null : browserCountry()),
    city: profile.city ?? '',
    timeZone: profile.saved ? profile.timeZone : browserTimeZone(),
    languages: profile.languages.map((entry) => ({ key: crypto.randomUUID(), ...entry })),
  };
}

export function toRequest(values: FreelancerFormValues): SaveFreelancerProfile {
  return {
    name: values.name,
    title: values.title,
    overview: values.overview,
    skillIds: values.skillIds,
    hourlyRateCents: amountToCents(Number(values.rate)),
    currency: values.currency,
    availability: values.availability,
    country: values.country ?? '',
    city: values.city.trim() || null,
    timeZone: values.timeZone ?? '',
    languages: values.languages
      .filter((entry) => entry.language.trim())
      .map(({ language, proficiency }) => ({ language: language.trim(), proficiency })),
  };
}

/** Server field names that differ from the form's. */
export const freelancerFieldAliases: Record<string, string> = { hourlyRateCents: 'rate' };
