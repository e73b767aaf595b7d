import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { aClient, aFreelancer } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { aFreelancerWithProfile, freelancerProfileBody, skillId } from './test-factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_AUTH_PER_MINUTE: '1000' });
});
afterAll(async () => {
  await t.close();
});

const PROFILE = '/api/profiles/freelancer/me';
const sixteenSkills = [
  'react',
  'rust',
  'golang',
  'swift',
  'kotlin',
  'php',
  'java',
  'python',
  'django',
  'laravel',
  'unity',
  'css',
  'html5',
  'graphql',
  'svelte',
  'angular',
].map(skillId);

describe('editing a freelancer profile', () => {
  test('before the first save the profile is blank, with the account name', async () => {
    const { http, user } = await aFreelancer(t, { displayName: 'Rosa Blanca' });
    const res = await http.get(PROFILE);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      userId: user.id,
      saved: false,
      name: 'Rosa Blanca',
      title: '',
      hourlyRateCents: null,
      skills: [],
      portfolio: [],
    });
  });

  test('a freelancer saves the profile and reads it back', async () => {
    const { http, user } = await aFreelancer(t);
    const body = freelancerProfileBody({ timeZone: 'america/new_york', country: 'us', currency: 'eur' });
    const saved = await http.put(PROFILE, body);
    expect(saved.status).toBe(200);
    const read = await http.get(PROFILE);
    expect(read.body).toEqual(saved.body);
    expect(read.body).toMatchObject({
      userId: user.id,
      saved: true,
      name: 'Ada Example',
      title: 'Backend engineer (Go, PostgreSQL)',
      overview: 'I build reliable APIs.\nTen years of experience.',
      hourlyRateCents: 7500,
      currency: 'EUR',
      country: 'US',
      city: 'Lisbon',
      timeZone: 'America/New_York',
      availability: 'part_time',
      languages: body.languages,
    });
    // Skills come back in the order the freelancer chose.
    expect(read.body.skills.map((skill: { slug: string }) => skill.slug)).toEqual(['golang', 'postgresql', 'docker']);

    const changed = await http.put(PROFILE, { ...body, skillIds: [skillId('rust')], availability: 'unavailable' });
    expect(changed.status).toBe(200);
    expect(changed.body.skills).toEqual([{ id: skillId('rust'), slug: 'rust', name: 'Rust' }]);
    expect(changed.body.availability).toBe('unavailable');
  });

  test('text is cleaned of control characters and trimmed, but HTML is stored as given', async () => {
    const { http } = await aFreelancer(t);
    const res = await http.put(
      PROFILE,
      freelancerProfileBody({
        name: '  Ada\u0000 Example\u0007  ',
        title: '<b>Senior</b>\tdev',
        overview: '  Line one\r\nLine\u001b two\n\tindented <script>alert(1)</script>  ',
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('Ada Example');
    expect(res.body.title).toBe('<b>Senior</b> dev');
    expect(res.body.overview).toBe('Line one\nLine two\n\tindented <script>alert(1)</script>');
    expect(res.headers.get('content-type')).toContain('application/json');
  });
});

describe('field errors name the field', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    ['16 skills', { skillIds: sixteenSkills }, 'skillIds'],
    ['no skills', { skillIds: [] }, 'skillIds'],
    ['a title over 120 characters', { title: 'x'.repeat(121) }, 'title'],
    ['a negative rate', { hourlyRateCents: -500 }, 'hourlyRateCents'],
    ['a rate under $3', { hourlyRateCents: 299 }, 'hourlyRateCents'],
    ['a rate over $999', { hourlyRateCents: 99_901 }, 'hourlyRateCents'],
    ['a fractional rate', { hourlyRateCents: 1000.5 }, 'hourlyRateCents'],
    ['an unknown country', { country: 'QQ' }, 'country'],
    ['an unknown currency', { currency: 'XYZ' }, 'currency'],
    ['a currency without cents', { currency: 'JPY' }, 'currency'],
    ['a blank name', { name: '   ' }, 'name'],
    ['a name over 100 characters', { name: 'n'.repeat(101) }, 'name'],
    ['an overview over 5000 characters', { overview: 'o'.repeat(5001) }, 'overview'],
    ['an unknown availability', { availability: 'weekends' }, 'availability'],
    [
      'a language listed twice',
      {
        languages: [
          { language: 'English', proficiency: 'fluent' },
          { language: 'english', proficiency: 'native' },
        ],
      },
      'languages',
    ],
    ['the same skill twice', { skillIds: [skillId('react'), skillId('react')] }, 'skillIds'],
  ];

  test.each(cases)('%s', async (_, overrides, field) => {
    const { http } = await aFreelancer(t);
    const res = await http.put(PROFILE, freelancerProfileBody(overrides));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    expect((await http.get(PROFILE)).body.saved).toBe(false);
  });

  test('an unknown skill id', async () => {
    const { http } = await aFreelancer(t);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const res = await http.put(PROFILE, freelancerProfileBody({ skillIds: [skillId('react'), unknown] }));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'skillIds.1', message: expect.stringContaining(unknown) }]);
    expect((await http.get(PROFILE)).body.saved).toBe(false);
  });
});

describe('who may see and edit what', () => {
  test('a client cannot read or save a freelancer profile', async () => {
    const { http } = await aClient(t);
    expect((await http.get(PROFILE)).status).toBe(403);
    expect((await http.put(PROFILE, freelancerProfileBody())).status).toBe(403);
  });

  test('anonymous callers cannot edit', async () => {
    expect((await t.client().put(PROFILE, freelancerProfileBody())).status).toBe(401);
  });

  test('a client and an anonymous visitor see the public profile', async () => {
    const freelancer = await aFreelancerWithProfile(t);
    const client = await aClient(t);
    const seenByClient = await client.http.get(`/api/freelancers/${freelancer.user.id}`);
    expect(seenByClient.status).toBe(200);
    expect(seenByClient.body).toMatchObject({
      userId: freelancer.user.id,
      name: 'Ada Example',
      title: 'Backend engineer (Go, PostgreSQL)',
      hourlyRateCents: 7500,
      currency: 'USD',
      location: { country: 'PT', city: 'Lisbon' },
      timeZone: 'Europe/Lisbon',
      availability: 'part_time',
      portfolio: [],
      lastActiveAt: expect.any(String),
    });
    expect(seenByClient.body.skills.map((skill: { name: string }) => skill.name)).toEqual([
      'Go',
      'PostgreSQL',
      'Docker',
    ]);
    expect(Date.parse(seenByClient.body.memberSince)).not.toBeNaN();
    // Nothing private leaks into the public view.
    expect(JSON.stringify(seenByClient.body)).not.toContain(freelancer.user.email);

    const anonymous = await t.client().get(`/api/freelancers/${freelancer.user.id}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual(seenByClient.body);
  });

  test('a freelancer who has not saved yet shows under the account name', async () => {
    const { user } = await aFreelancer(t, { displayName: 'Not Yet Saved' });
    const res = await t.client().get(`/api/freelancers/${user.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Not Yet Saved', skills: [], hourlyRateCents: null });
  });

  test('a user who is not a freelancer has no public freelancer profile', async () => {
    const client = await aClient(t);
    expect((await t.client().get(`/api/freelancers/${client.user.id}`)).status).toBe(404);
    expect((await t.client().get('/api/freelancers/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await t.client().get('/api/freelancers/not-a-uuid')).status).toBe(400);
  });
});
