import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { TestClient } from '../../test/http.ts';
import { aSignedInUser } from '../accounts/test-factories.ts';
import { taxonomyId } from '../profiles/seed-taxonomy.ts';

let t: TestApp;
let client: TestClient;
const ids: Record<string, string> = {};
const skill = (slug: string) => taxonomyId('skill', slug);

async function aFreelancer(key: string, profile: Record<string, unknown>) {
  const { account, client: http } = await aSignedInUser(t, { role: 'freelancer' });
  const res = await http.put('/api/profiles/freelancer/me', {
    overview: '',
    currency: 'USD',
    timeZone: 'UTC',
    languages: [],
    ...profile,
  });
  if (res.status !== 200) throw new Error(`Saving the profile failed: ${res.text}`);
  ids[key] = account.id;
}

beforeAll(async () => {
  t = await startTestApp();
  client = (await aSignedInUser(t, { role: 'client' })).client;
  await aFreelancer('react', {
    name: 'Priya Raman',
    title: 'Senior React engineer',
    overview: 'I build dashboards for logistics companies.',
    hourlyRateCents: 8500,
    country: 'IN',
    availability: 'full_time',
    skillIds: [skill('react'), skill('typescript')],
  });
  await aFreelancer('designer', {
    name: 'Tomas Novak',
    title: 'Brand identity designer',
    overview: 'Logos and packaging for coffee roasters.',
    hourlyRateCents: 6000,
    country: 'CZ',
    availability: 'part_time',
    skillIds: [skill('logo-design'), skill('packaging-design')],
  });
  await aFreelancer('data', {
    name: 'Amara Okafor',
    title: 'Data analyst',
    overview: 'Spreadsheets to dashboards; I also write React front ends.',
    hourlyRateCents: 4000,
    country: 'NG',
    availability: 'as_needed',
    skillIds: [skill('data-analysis'), skill('python')],
  });
});
afterAll(async () => {
  await t.close();
});

async function search(query: Record<string, string>) {
  const res = await client.get(`/api/talent/search?${new URLSearchParams(query)}`);
  if (res.status !== 200) throw new Error(`search failed (${res.status}): ${res.text}`);
  return res.body as { items: { userId: string; name: string }[]; nextCursor: string | null };
}
const found = async (query: Record<string, string>) => (await search(query)).items.map((item) => item.userId).sort();
const named = (...keys: string[]) => keys.map((key) => ids[key] as string).sort();

describe('talent search', () => {
  test('words find freelancers by title, skills, name and overview; the title ranks first', async () => {
    const react = await search({ q: 'react' });
    expect(react.items.map((item) => item.userId)).toEqual([ids.react, ids.data]);
    expect(await found({ q: 'packaging' })).toEqual(named('designer'));
    expect(await found({ q: 'okafor' })).toEqual(named('data'));
    expect(await found({ q: 'roasters' })).toEqual(named('designer'));
  });

  test('each filter narrows the results', async () => {
    expect(await found({ skills: `${skill('python')},${skill('logo-design')}` })).toEqual(named('designer', 'data'));
    expect(await found({ hourlyMinCents: '5000', hourlyMaxCents: '7000' })).toEqual(named('designer'));
    expect(await found({ country: 'in,ng' })).toEqual(named('react', 'data'));
    expect(await found({ availability: 'full_time' })).toEqual(named('react'));
  });

  test('results carry a profile summary', async () => {
    const page = await search({ q: 'brand' });
    expect(page.items[0]).toMatchObject({
      userId: ids.designer,
      name: 'Tomas Novak',
      title: 'Brand identity designer',
      hourlyRateCents: 6000,
      location: { country: 'CZ' },
      availability: 'part_time',
      skills: [{ slug: 'logo-design' }, { slug: 'packaging-design' }],
    });
  });

  test('keyset pages cover everyone once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await search({ limit: '1', ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((item) => item.userId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(named('react', 'designer', 'data'));
  });

  test('bad input is a 400 naming the field', async () => {
    for (const [query, field] of [
      [{ hourlyMinCents: '5000', hourlyMaxCents: '100' }, 'hourlyMaxCents'],
      [{ country: 'Germany' }, 'country.0'],
      [{ availability: 'sometimes' }, 'availability.0'],
      [{ cursor: 'nope' }, 'cursor'],
    ] as const) {
      const res = await client.get(`/api/talent/search?${new URLSearchParams(query)}`);
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    }
  });

  test('clients and operators search talent; freelancers cannot', async () => {
    const freelancer = (await aSignedInUser(t, { role: 'freelancer' })).client;
    expect((await freelancer.get('/api/talent/search')).status).toBe(403);
    const operator = (await aSignedInUser(t, { role: 'operator' })).client;
    expect((await operator.get('/api/talent/search')).status).toBe(200);
  });
});
