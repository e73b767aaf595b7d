import type { ClientProfile, FreelancerProfile } from '../api/profile-queries.ts';

export interface Completeness {
  percent: number;
  missing: { label: string; section: string }[];
}

const OVERVIEW_MIN = 100;

function measure(checks: { done: boolean; label: string; section: string }[]): Completeness {
  const missing = checks.filter((check) => !check.done).map(({ label, section }) => ({ label, section }));
  return { percent: Math.round(((checks.length - missing.length) / checks.length) * 100), missing };
}

/** What a client looks at before inviting a freelancer, in the order they look at it. */
export function freelancerCompleteness(profile: FreelancerProfile): Completeness {
  return measure([
    { done: profile.saved && profile.title.length > 0, label: 'A professional title', section: 'basics' },
    {
      done: profile.overview.length >= OVERVIEW_MIN,
      label: `An overview of at least ${OVERVIEW_MIN} characters`,
      section: 'basics',
    },
    { done: profile.skills.length > 0, label: 'Your skills', section: 'skills' },
    { done: profile.hourlyRateCents !== null, label: 'Your hourly rate', section: 'rate' },
    { done: profile.country !== null, label: 'Your location and time zone', section: 'location' },
    { done: profile.languages.length > 0, label: 'The languages you work in', section: 'languages' },
    { done: profile.portfolio.length > 0, label: 'At least one portfolio item', section: 'portfolio' },
  ]);
}

/** What a freelancer looks at before answering a client. */
export function clientCompleteness(profile: ClientProfile): Completeness {
  return measure([
    { done: profile.saved && profile.name.length > 0, label: 'Your name or company', section: 'client' },
    { done: profile.description.length > 0, label: 'A short description', section: 'client' },
    { done: profile.country !== null, label: 'Your location and time zone', section: 'client' },
  ]);
}
