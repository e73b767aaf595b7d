import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { demoFreelancers } from './demo-data.ts';
import { seedTaxonomy, skillNameAndSlug, taxonomyId } from './seed-taxonomy.ts';
import { taxonomy } from './taxonomy-data.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('the skills taxonomy', () => {
  test('every database has about 12 categories and 200 skills, with stable ids', async () => {
    const res = await t.client().get('/api/taxonomy');
    expect(res.status).toBe(200);
    const categories = res.body.categories as { id: string; slug: string; skills: { id: string; slug: string }[] }[];
    expect(categories.length).toBeGreaterThanOrEqual(12);
    const skills = categories.flatMap((category) => category.skills);
    expect(skills.length).toBeGreaterThanOrEqual(190);
    expect(new Set(skills.map((skill) => skill.slug)).size).toBe(skills.length);
    expect(categories[0]).toMatchObject({ slug: 'web-mobile-software-dev', name: 'Web, Mobile & Software Dev' });
    const react = skills.find((skill) => skill.slug === 'react');
    expect(react?.id).toBe(taxonomyId('skill', 'react'));
  });

  test('seeding again changes nothing', async () => {
    const before = (await t.client().get('/api/taxonomy')).body;
    const counts = await seedTaxonomy(t.services.db);
    const after = (await t.client().get('/api/taxonomy')).body;
    expect(after).toEqual(before);
    expect(counts.skills).toBe(after.categories.flatMap((category: { skills: unknown[] }) => category.skills).length);
  });

  test('autocomplete ranks names starting with the query first', async () => {
    const res = await t.client().get('/api/skills?q=script&limit=5');
    expect(res.status).toBe(200);
    const names = res.body.skills.map((skill: { name: string }) => skill.name);
    expect(names).toEqual(expect.arrayContaining(['JavaScript', 'TypeScript']));

    const sql = await t.client().get('/api/skills?q=SQL');
    expect(sql.body.skills.map((skill: { name: string }) => skill.name)).toEqual(['SQL', 'MySQL', 'PostgreSQL']);
    expect(sql.body.skills[0]).toMatchObject({ slug: 'sql', categoryName: 'Data Science & Analytics' });

    const ads = await t.client().get('/api/skills?q=ads&limit=2');
    expect(ads.body.skills.map((skill: { name: string }) => skill.name)).toEqual(['Facebook Ads', 'Google Ads']);

    const wildcard = await t.client().get('/api/skills?q=%25');
    expect(wildcard.body.skills).toEqual([]);
  });

  test('the limit is bounded', async () => {
    const res = await t.client().get('/api/skills?q=a&limit=500');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('limit');
  });

  test('every skill the demo uses exists', () => {
    const slugs = new Set(taxonomy.flatMap((category) => category.skills.map((entry) => skillNameAndSlug(entry).slug)));
    const missing = demoFreelancers.flatMap((profile) => profile.skills).filter((slug) => !slugs.has(slug));
    expect(missing).toEqual([]);
  });
});

describe('the OpenAPI document', () => {
  test('lists the profile routes with named schemas', async () => {
    const doc = (await t.client().get('/openapi.json')).body;
    for (const path of [
      '/api/taxonomy',
      '/api/skills',
      '/api/profiles/freelancer/me',
      '/api/profiles/freelancer/me/portfolio',
      '/api/profiles/freelancer/me/portfolio/{id}',
      '/api/freelancers/{userId}',
      '/api/profiles/client/me',
      '/api/clients/{userId}',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    for (const name of [
      'Taxonomy',
      'FreelancerProfile',
      'PublicFreelancerProfile',
      'PortfolioItem',
      'PublicClientCard',
    ]) {
      expect(doc.components.schemas[name], name).toBeDefined();
    }
    const put = doc.paths['/api/profiles/freelancer/me'].put;
    const body = put.requestBody.content['application/json'].schema;
    const resolved = body.$ref ? doc.components.schemas[body.$ref.split('/').pop()] : body;
    expect(resolved.properties.title.maxLength).toBe(120);
  });
});
