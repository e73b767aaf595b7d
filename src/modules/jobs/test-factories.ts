import type { TestApp } from '../../test/harness.ts';
import type { TestClient } from '../../test/http.ts';
import { aSignedInUser } from '../accounts/test-factories.ts';
import { taxonomyId } from '../profiles/seed-taxonomy.ts';

export const skillId = (slug: string): string => taxonomyId('skill', slug);
export const categoryId = (slug: string): string => taxonomyId('category', slug);

/** A complete, valid POST /api/jobs body (a fixed-price web job, saved as a draft). */
export function jobBody(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Build a React dashboard for our logistics SaaS',
    description:
      'We need a dashboard that shows shipments on a map and in a table. In scope: the React front end and its tests. Out of scope: the back end API, which exists.',
    deliverables: [
      {
        title: 'Dashboard page',
        acceptanceCriteria: 'Shows live shipments from the API on a map and in a sortable table.',
      },
    ],
    categoryId: categoryId('web-mobile-software-dev'),
    skillIds: [skillId('react'), skillId('typescript')],
    type: 'fixed',
    budgetCents: 250_000,
    experienceLevel: 'intermediate',
    visibility: 'public',
    screeningQuestions: ['Which dashboards have you built?'],
    ...overrides,
  };
}

/** Terms of an hourly job, to spread over `jobBody`. */
export const hourlyTerms = {
  type: 'hourly',
  budgetCents: undefined,
  hourlyMinCents: 4000,
  hourlyMaxCents: 7000,
  hoursPerWeek: 20,
  duration: '1_to_3_months',
};

export interface Person {
  id: string;
  http: TestClient;
}

export async function aPerson(t: TestApp, role: 'client' | 'freelancer' | 'operator', displayName?: string) {
  const user = await aSignedInUser(t, { role, displayName });
  return { id: user.account.id, http: user.client } satisfies Person;
}

/** Posts a job through the API and returns its id; throws when the API refuses it. */
export async function postJob(client: Person, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await client.http.post('/api/jobs', jobBody({ publish: true, ...overrides }));
  if (res.status !== 201) throw new Error(`Posting the job failed (${res.status}): ${res.text}`);
  return res.body.id as string;
}
