import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { runDueTasks } from '../scheduler/index.ts';
import { jobsModule } from './module.ts';
import { aPerson, categoryId, hourlyTerms, type Person, postJob, skillId } from './test-factories.ts';

let t: TestApp;
let client: Person;

const HOUR = 3_600_000;

beforeAll(async () => {
  t = await startTestApp();
  client = await aPerson(t, 'client');
});
afterAll(async () => {
  await t.close();
});

async function aFreelancerWithSkills(slugs: string[], rateCents: number): Promise<Person> {
  const freelancer = await aPerson(t, 'freelancer');
  const res = await freelancer.http.put('/api/profiles/freelancer/me', {
    name: 'Priya Raman',
    title: 'React and Node.js engineer',
    overview: 'Dashboards and APIs.',
    hourlyRateCents: rateCents,
    currency: 'USD',
    country: 'IN',
    timeZone: 'Asia/Kolkata',
    availability: 'full_time',
    languages: [],
    skillIds: slugs.map(skillId),
  });
  if (res.status !== 200) throw new Error(`Saving the profile failed: ${res.text}`);
  return freelancer;
}

describe('best matches feed', () => {
  test('ranks jobs by skills, category, rate fit and recency, and says why', async () => {
    const freelancer = await aFreelancerWithSkills(['react', 'typescript', 'nodejs'], 6000);
    const strong = await postJob(client, {
      title: 'Full-stack engineer for our booking platform',
      skillIds: [skillId('react'), skillId('nodejs'), skillId('typescript'), skillId('postgresql')],
      ...hourlyTerms,
      hourlyMinCents: 5000,
      hourlyMaxCents: 8000,
    });
    const sameCategory = await postJob(client, {
      title: 'Laravel developer for an internal tool',
      skillIds: [skillId('php'), skillId('laravel')],
      budgetCents: 30_000,
    });
    const unrelated = await postJob(client, {
      title: 'Illustrations for a children’s book',
      categoryId: categoryId('design-creative'),
      skillIds: [skillId('illustration')],
    });
    const hidden = await postJob(client, {
      title: 'Confidential React rewrite of our app',
      skillIds: [skillId('react')],
      visibility: 'invite_only',
    });
    const cheap = await postJob(client, {
      title: 'Fix one React bug on our landing page',
      skillIds: [skillId('react')],
      ...hourlyTerms,
      hourlyMinCents: 1000,
      hourlyMaxCents: 2000,
    });
    t.clock.advance(2 * HOUR);

    const res = await freelancer.http.get('/api/jobs/feed');
    expect(res.status).toBe(200);
    const ids = res.body.items.map((item: { job: { id: string } }) => item.job.id);
    expect(ids.slice(0, 3)).toEqual([strong, cheap, sameCategory]);
    expect(ids).not.toContain(unrelated);
    expect(ids).not.toContain(hidden);

    const [best, low, category] = res.body.items;
    expect(best.why).toEqual([
      'Matches 3 of your skills: React, Node.js, TypeScript',
      'Pays within your rate',
      'Posted 2 hours ago',
    ]);
    expect(low.why).toEqual(['Matches 1 of your skills: React', 'Posted 2 hours ago']);
    expect(category.why).toEqual(['In your category: Web, Mobile & Software Dev', 'Posted 2 hours ago']);
    expect(best.score).toBeGreaterThan(low.score);
  });

  test('is for freelancers only', async () => {
    expect((await client.http.get('/api/jobs/feed')).status).toBe(403);
  });
});

describe('saved searches', () => {
  const notificationsOf = async (who: Person) =>
    ((await who.http.get('/api/notifications?limit=100')).body.items as { kind: string; link: string }[]).filter(
      (item) => item.kind === 'job.saved_search_match',
    );
  const runTasks = async () => {
    t.clock.advance(4 * 60_000);
    return runDueTasks(t.services, jobsModule.tasks ?? []);
  };

  test('a new matching job notifies the freelancer once per job and search', async () => {
    const freelancer = await aPerson(t, 'freelancer');
    const saved = await freelancer.http.post('/api/saved-searches', {
      name: 'Hourly GraphQL work',
      query: { q: 'graphql', type: 'hourly' },
    });
    expect(saved.status).toBe(201);
    expect(saved.body.query).toEqual({ q: 'graphql', type: 'hourly' });
    expect((await freelancer.http.get('/api/saved-searches')).body.items).toHaveLength(1);

    const match = await postJob(client, {
      title: 'GraphQL gateway in front of our services',
      skillIds: [skillId('graphql')],
      ...hourlyTerms,
    });
    await postJob(client, { title: 'GraphQL schema review (fixed price)', skillIds: [skillId('graphql')] });
    await postJob(client, {
      title: 'Private GraphQL migration work',
      skillIds: [skillId('graphql')],
      ...hourlyTerms,
      visibility: 'invite_only',
    });
    const reports = await runTasks();
    expect(reports.find((report) => report.name === 'jobs.match-saved-searches')).toMatchObject({
      outcome: 'succeeded',
    });
    expect((await notificationsOf(freelancer)).map((item) => item.link)).toEqual([`/jobs/${match}`]);

    await runTasks();
    expect(await notificationsOf(freelancer)).toHaveLength(1);

    const later = await postJob(client, {
      title: 'GraphQL subscriptions for live prices',
      skillIds: [skillId('graphql')],
      ...hourlyTerms,
    });
    await runTasks();
    await runTasks();
    expect((await notificationsOf(freelancer)).map((item) => item.link)).toEqual([`/jobs/${later}`, `/jobs/${match}`]);
  });

  test('a saved search is checked like a search, and only its owner may delete it', async () => {
    const freelancer = await aPerson(t, 'freelancer');
    const bad = await freelancer.http.post('/api/saved-searches', { name: 'Bad', query: { type: 'weekly' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('query.type');
    const noName = await freelancer.http.post('/api/saved-searches', { name: ' ', query: {} });
    expect(noName.body.errors[0].field).toBe('name');

    const saved = await freelancer.http.post('/api/saved-searches', { name: 'Anything', query: {} });
    const stranger = await aPerson(t, 'freelancer');
    expect((await stranger.http.delete(`/api/saved-searches/${saved.body.id}`)).status).toBe(404);
    expect((await freelancer.http.delete(`/api/saved-searches/${saved.body.id}`)).status).toBe(204);
    expect((await freelancer.http.get('/api/saved-searches')).body.items).toEqual([]);
  });

  test('a freelancer keeps at most 20 saved searches', async () => {
    const freelancer = await aPerson(t, 'freelancer');
    for (let i = 0; i < 20; i++) {
      expect((await freelancer.http.post('/api/saved-searches', { name: `Search ${i}`, query: {} })).status).toBe(201);
    }
    const refused = await freelancer.http.post('/api/saved-searches', { name: 'One more', query: {} });
    expect(refused.status).toBe(409);
  });
});
