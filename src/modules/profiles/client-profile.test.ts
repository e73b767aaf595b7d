import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { aClient, aFreelancer } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_AUTH_PER_MINUTE: '1000' });
});
afterAll(async () => {
  await t.close();
});

const PROFILE = '/api/profiles/client/me';
const body = {
  name: 'Grace Hopper',
  company: 'Compiler Works Ltd',
  description: 'We build developer tools.\nHiring for web and data projects.',
  country: 'GB',
  city: 'Leeds',
  timeZone: 'Europe/London',
};

describe('client profiles', () => {
  test('a client edits the profile, and a freelancer sees the public card', async () => {
    const client = await aClient(t, { displayName: 'Grace H.' });
    const blank = await client.http.get(PROFILE);
    expect(blank.body).toMatchObject({ saved: false, name: 'Grace H.', company: null, timeZone: 'UTC' });

    const saved = await client.http.put(PROFILE, body);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ...body, saved: true, userId: client.user.id });
    expect((await client.http.get(PROFILE)).body).toEqual(saved.body);

    const freelancer = await aFreelancer(t);
    const card = await freelancer.http.get(`/api/clients/${client.user.id}`);
    expect(card.status).toBe(200);
    expect(card.body).toMatchObject({
      userId: client.user.id,
      name: 'Grace Hopper',
      company: 'Compiler Works Ltd',
      description: body.description,
      location: { country: 'GB', city: 'Leeds' },
      timeZone: 'Europe/London',
      paymentVerified: false,
      jobsPosted: 0,
      openJobs: 0,
      hires: 0,
      hireRatePercent: null,
      totalSpentCents: 0,
      currency: 'USD',
    });
    expect(JSON.stringify(card.body)).not.toContain(client.user.email);
  });

  test('company and city are optional; blank ones are stored as null', async () => {
    const client = await aClient(t);
    const res = await client.http.put(PROFILE, { ...body, company: '  ', city: undefined, description: undefined });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ company: null, city: null, description: '' });
  });

  test('field errors name the field', async () => {
    const client = await aClient(t);
    const cases: [Record<string, unknown>, string][] = [
      [{ timeZone: 'Nowhere/Land' }, 'timeZone'],
      [{ country: 'GBR' }, 'country'],
      [{ name: '' }, 'name'],
      [{ company: 'c'.repeat(121) }, 'company'],
      [{ description: 'd'.repeat(5001) }, 'description'],
    ];
    for (const [overrides, field] of cases) {
      const res = await client.http.put(PROFILE, { ...body, ...overrides });
      expect(res.status, field).toBe(400);
      expect(res.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    }
  });

  test('a freelancer cannot edit a client profile; the card needs a signed-in user and a client', async () => {
    const client = await aClient(t);
    const freelancer = await aFreelancer(t);
    expect((await freelancer.http.put(PROFILE, body)).status).toBe(403);
    expect((await freelancer.http.get(PROFILE)).status).toBe(403);
    expect((await t.client().get(`/api/clients/${client.user.id}`)).status).toBe(401);
    expect((await client.http.get(`/api/clients/${freelancer.user.id}`)).status).toBe(404);
  });
});
