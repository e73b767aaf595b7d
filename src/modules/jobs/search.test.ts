import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inTransaction } from '../../db/transaction.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { SANDBOX_CARDS } from '../payments/index.ts';
import { adjustJobCounters } from './adjust-job-counters.ts';
import { searchFilters } from './search-filters.ts';
import { runSearchPlan } from './search-jobs.ts';
import { buildSearchQuery } from './search-query.ts';
import { aPerson, categoryId, hourlyTerms, jobBody, type Person, postJob, skillId } from './test-factories.ts';

let t: TestApp;
let freelancer: Person;
let hirer: Person;
const ids: Record<string, string> = {};

const DAY = 86_400_000;
// Every fixture job mentions this word, so `q=zephyr` selects exactly the fixture.
const marker = 'The project code name is Zephyr; tell us how you would approach it and when you could start.';

async function aVerifiedClient(): Promise<Person> {
  const client = await aPerson(t, 'client');
  const card = await client.http.post('/api/billing-methods', {
    type: 'card',
    number: SANDBOX_CARDS.succeeds,
    expMonth: 12,
    expYear: t.clock.now().getUTCFullYear() + 1,
    cvc: '123',
    name: 'Test Client',
  });
  if (card.status !== 201) throw new Error(`Adding a card failed: ${card.text}`);
  return client;
}

const adjust = (jobId: string, deltas: Parameters<typeof adjustJobCounters>[2]) =>
  inTransaction(t.services.db, (tx) => adjustJobCounters(tx, jobId, deltas));

beforeAll(async () => {
  t = await startTestApp();
  freelancer = await aPerson(t, 'freelancer');
  hirer = await aVerifiedClient(); // payment verified, has hired
  await hirer.http.put('/api/profiles/client/me', {
    name: 'Hirer GmbH',
    country: 'DE',
    timeZone: 'Europe/Berlin',
  });
  const plain = await aPerson(t, 'client'); // neither
  const verified = await aVerifiedClient(); // verified, never hired

  ids.scraper = await postJob(hirer, {
    title: 'Python scraper for real estate listings',
    description: `Collect listings from three property portals every night into PostgreSQL. ${marker}`,
    categoryId: categoryId('data-science-analytics'),
    skillIds: [skillId('web-scraping'), skillId('python')],
    experienceLevel: 'entry',
    ...hourlyTerms,
    hourlyMinCents: 2000,
    hourlyMaxCents: 3500,
  });
  t.clock.advance(3 * DAY);
  ids.logo = await postJob(hirer, {
    title: 'Logo Design for a specialty coffee roaster',
    description: `A wordmark and an icon for bags, cups and the web shop. ${marker}`,
    categoryId: categoryId('design-creative'),
    skillIds: [skillId('logo-design')],
    budgetCents: 50_000,
    experienceLevel: 'entry',
  });
  ids.trading = await postJob(plain, {
    title: 'Senior JavaScript developer for a trading dashboard',
    description: `Real-time charts for a crypto trading desk, built on our Node.js API. ${marker}`,
    skillIds: [skillId('javascript'), skillId('react'), skillId('nodejs')],
    experienceLevel: 'expert',
    ...hourlyTerms,
    hourlyMinCents: 5000,
    hourlyMaxCents: 9000,
  });
  ids.sales = await postJob(verified, {
    title: 'Analysis of our sales spreadsheets',
    description: `Find why margins fell in the second quarter, from five years of order data. ${marker}`,
    categoryId: categoryId('data-science-analytics'),
    skillIds: [skillId('data-analysis'), skillId('microsoft-excel')],
    budgetCents: 200_000,
    experienceLevel: 'intermediate',
  });
  await adjust(ids.sales, { proposals: 12 });
  ids.secret = await postJob(hirer, {
    title: 'Brand identity refresh before our launch',
    description: `Confidential rebrand for a fintech. ${marker}`,
    categoryId: categoryId('design-creative'),
    skillIds: [skillId('brand-identity-design'), skillId('logo-design')],
    budgetCents: 800_000,
    experienceLevel: 'expert',
    visibility: 'invite_only',
  });
  const earlier = await postJob(hirer, { title: 'An earlier job that found its freelancer' });
  await adjust(earlier, { proposals: 2, hires: 1 });
  await hirer.http.post(`/api/jobs/${earlier}/close`, { reason: 'hired' });
});
afterAll(async () => {
  await t.close();
});

async function search(query: Record<string, string>, who: Person = freelancer) {
  const res = await who.http.get(`/api/jobs/search?${new URLSearchParams(query)}`);
  if (res.status !== 200) throw new Error(`search failed (${res.status}): ${res.text}`);
  return res.body as { items: { id: string; title: string }[]; nextCursor: string | null; mode: string };
}

const found = async (query: Record<string, string>) => {
  const page = await search({ q: 'zephyr', limit: '50', ...query });
  return page.items.map((item) => item.id).sort();
};
const named = (...names: string[]) => names.map((name) => ids[name] as string).sort();

describe('words', () => {
  test('word forms match through stemming ("designing" finds "Design")', async () => {
    const client = await aPerson(t, 'client');
    const more = [
      await postJob(client, { title: 'UI design for a mobile banking app', skillIds: [skillId('ui-design')] }),
      await postJob(client, { title: 'Packaging designs for a tea brand', skillIds: [skillId('packaging-design')] }),
    ];
    const page = await search({ q: 'designing' });
    const logo = page.items.find((item) => item.id === ids.logo) as unknown as { client: unknown };
    expect(logo.client).toEqual({ paymentVerified: true, hasHires: true, country: 'DE' });
    // Full-text search found enough on its own: no trigram near misses were needed.
    expect(page.mode).toBe('text');
    expect(page.items.map((item) => item.id).sort()).toEqual([ids.logo, ...more].sort());
  });

  test('a typo finds the job through trigram similarity ("javascrpt")', async () => {
    const page = await search({ q: 'javascrpt' });
    expect(page.mode).toBe('fuzzy');
    expect(page.items[0]?.id).toBe(ids.trading);
  });

  test('a short page of plenty of matches is not mistaken for "found little"', async () => {
    const page = await search({ q: 'zephyr', limit: '1' });
    expect(page.mode).toBe('text');
    expect(page.nextCursor).not.toBeNull();
  });

  test('skill names are searchable, including the parts of "Node.js"', async () => {
    expect((await search({ q: 'node' })).items.map((item) => item.id)).toContain(ids.trading);
  });

  test('a title match ranks above a description match, whatever the dates', async () => {
    const client = await aPerson(t, 'client');
    const inTitle = await postJob(client, { title: 'Kubernetes cluster migration to a new cloud' });
    t.clock.advance(60_000);
    const inDescription = await postJob(client, {
      title: 'Move our services to a new cloud provider',
      description:
        'We run twelve services and need them moved within a month; we currently use Kubernetes on bare metal.',
    });
    const byRelevance = await search({ q: 'kubernetes' });
    expect(byRelevance.items.map((item) => item.id)).toEqual([inTitle, inDescription]);
    const byDate = await search({ q: 'kubernetes', sort: 'newest' });
    expect(byDate.items.map((item) => item.id)).toEqual([inDescription, inTitle]);
  });
});

describe('filters each narrow the results', () => {
  test('no filter: every visible job', async () => {
    expect(await found({})).toEqual(named('scraper', 'logo', 'trading', 'sales'));
  });
  test('category', async () => {
    expect(await found({ category: categoryId('design-creative') })).toEqual(named('logo'));
  });
  test('skills (any of)', async () => {
    expect(await found({ skills: `${skillId('python')},${skillId('logo-design')}` })).toEqual(named('scraper', 'logo'));
  });
  test('type', async () => {
    expect(await found({ type: 'hourly' })).toEqual(named('scraper', 'trading'));
    expect(await found({ type: 'fixed' })).toEqual(named('logo', 'sales'));
  });
  test('fixed budget range', async () => {
    expect(await found({ budgetMinCents: '100000' })).toEqual(named('sales'));
    expect(await found({ budgetMaxCents: '60000' })).toEqual(named('logo'));
  });
  test('hourly rate range (overlapping the job’s range)', async () => {
    expect(await found({ hourlyMinCents: '4000' })).toEqual(named('trading'));
    expect(await found({ hourlyMaxCents: '3000' })).toEqual(named('scraper'));
  });
  test('a budget range and a rate range together: either kind on its own terms', async () => {
    expect(await found({ budgetMaxCents: '60000', hourlyMaxCents: '3000' })).toEqual(named('scraper', 'logo'));
  });
  test('experience level', async () => {
    expect(await found({ experience: 'entry' })).toEqual(named('scraper', 'logo'));
    expect(await found({ experience: 'entry,expert' })).toEqual(named('scraper', 'logo', 'trading'));
  });
  test('client payment verified', async () => {
    expect(await found({ paymentVerified: 'true' })).toEqual(named('scraper', 'logo', 'sales'));
  });
  test('client has hires', async () => {
    expect(await found({ clientHasHires: 'true' })).toEqual(named('scraper', 'logo'));
  });
  test('number of proposals', async () => {
    expect(await found({ proposals: '10to15' })).toEqual(named('sales'));
    expect(await found({ proposals: 'lt5' })).toEqual(named('scraper', 'logo', 'trading'));
  });
  test('posted within', async () => {
    expect(await found({ postedWithin: '24h' })).toEqual(named('logo', 'trading', 'sales'));
    expect(await found({ postedWithin: '7d' })).toEqual(named('scraper', 'logo', 'trading', 'sales'));
  });
  test('bad filter values are a 400 naming the parameter', async () => {
    for (const [query, field] of [
      [{ type: 'weekly' }, 'type'],
      [{ category: 'nope' }, 'category'],
      [{ postedWithin: '2h' }, 'postedWithin'],
      [{ proposals: 'many' }, 'proposals.0'],
      [{ budgetMinCents: '5000', budgetMaxCents: '100' }, 'budgetMaxCents'],
      [{ cursor: 'garbage' }, 'cursor'],
    ] as const) {
      const res = await freelancer.http.get(`/api/jobs/search?${new URLSearchParams(query)}`);
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    }
  });
});

describe('visibility', () => {
  test('invite-only jobs appear only for invited freelancers', async () => {
    const invitee = await aPerson(t, 'freelancer');
    expect(await found({})).not.toContain(ids.secret);
    const invited = await hirer.http.post(`/api/jobs/${ids.secret}/invitations`, {
      freelancerId: invitee.id,
      message: 'Please apply.',
    });
    expect(invited.status).toBe(201);
    const page = await search({ q: 'zephyr', limit: '50' }, invitee);
    expect(page.items.map((item) => item.id)).toContain(ids.secret);
    expect(await found({})).not.toContain(ids.secret);
  });

  test('clients cannot search jobs; operators can', async () => {
    const client = await aPerson(t, 'client');
    expect((await client.http.get('/api/jobs/search?q=zephyr')).status).toBe(403);
    const operator = await aPerson(t, 'operator');
    expect((await operator.http.get('/api/jobs/search?q=zephyr')).status).toBe(200);
  });
});

describe('keyset pages', () => {
  async function allPages(query: Record<string, string>, between: () => Promise<void>) {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await search({ ...query, limit: '2', ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      await between();
    } while (cursor);
    return seen;
  }

  for (const sort of ['newest', 'relevance'] as const) {
    test(`${sort}: pages neither skip nor repeat while new jobs arrive`, async () => {
      const client = await aPerson(t, 'client');
      const before = await found({});
      const seen = await allPages({ q: 'zephyr', sort }, async () => {
        t.clock.advance(1000);
        await postJob(client, { title: `Another zephyr job posted meanwhile ${sort}` });
      });
      expect(new Set(seen).size).toBe(seen.length);
      for (const id of before) expect(seen).toContain(id);
    });
  }

  test('relevance ranks a bounded window of the most recent matches, stable across pages', async () => {
    const client = await aPerson(t, 'client');
    const post = async (title: string) => {
      t.clock.advance(1000);
      return postJob(client, { title, description: `${jobBody().description} Quokka mascots welcome.` });
    };
    const oldest = [await post('An older job one'), await post('An older job two')];
    const windowed = [
      await post('Quokka illustration set'),
      await post('A plain listing job'),
      await post('Quokka sticker pack'),
    ];
    const plan = {
      mode: 'text' as const,
      sort: 'relevance' as const,
      q: 'quokka',
      filters: searchFilters({}, freelancer.id, t.clock.now()),
      after: null,
      fetch: 0,
      window: 3,
    };
    const first = await runSearchPlan(t.services.db, plan, 2);
    // Title matches first, both inside the window of the three most recent matches.
    expect(first.rows.map((row) => row.id)).toEqual([windowed[2], windowed[0]]);
    expect(first.next?.edgeSeq).toBeGreaterThan(0);
    const newer = await post('Another quokka mascot, newer than the window');
    const second = await runSearchPlan(t.services.db, { ...plan, after: first.next }, 2);
    const seen = [...first.rows, ...second.rows].map((row) => row.id);
    expect(second.next).toBeNull();
    expect(seen).toContain(windowed[1]);
    for (const id of oldest) expect(seen).not.toContain(id);
    expect(new Set(seen).size).toBe(seen.length);
    // The newer job ranks above the cursor, so this paging never shows it: no repeats, no shifts.
    expect(seen).not.toContain(newer);
  });

  test('the walk crosses publication blocks, and jobs older than the walk are still found', async () => {
    const client = await aPerson(t, 'client');
    const post = (n: number) => postJob(client, { title: `Walrus habitat survey, part ${n}` });
    const seq = async () =>
      Number((await t.services.db.execute(sql`select last_value from job_publish_seq`)).rows[0]?.last_value);
    // Jumps the publication numbers (test only) so that a few jobs span blocks of 1,024 and one is
    // older than the 64 newest blocks the search walks one by one.
    const posted = [await post(1)];
    await t.services.db.execute(sql`select setval('job_publish_seq', ${(await seq()) + 70 * 1024})`);
    posted.unshift(await post(2));
    await t.services.db.execute(sql`select setval('job_publish_seq', ${Math.ceil((await seq()) / 1024) * 1024 - 1})`);
    posted.unshift(await post(3));
    posted.unshift(await post(4));
    posted.unshift(await post(5));
    for (const sort of ['newest', 'relevance']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await search({ q: 'walrus', sort, limit: '2', ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      // Equal ranks fall back to newest first, so both orders agree here.
      expect(seen, sort).toEqual(posted);
    }
  });

  test('browsing without words pages newest first', async () => {
    const first = await search({ limit: '3' });
    expect(first.mode).toBe('browse');
    const second = await search({ limit: '3', cursor: first.nextCursor as string });
    const dates = [...first.items, ...second.items].map((item) => (item as unknown as { postedAt: string }).postedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
  });
});

describe('query plans', () => {
  // The plans PostgreSQL picks depend on the table's size. These explain the search over 5,000
  // filler jobs added (and analyzed) inside a transaction that is rolled back; bench/search.ts
  // prints the plans at 1,000,000 jobs.
  async function plan(query: Parameters<typeof buildSearchQuery>[0]): Promise<string> {
    class Explained extends Error {
      constructor(readonly text: string) {
        super('rolled back');
      }
    }
    const outcome = await inTransaction(t.services.db, async (tx) => {
      await tx.execute(sql`insert into jobs (id, client_id, state, title, description, deliverables, category_id,
          skill_ids, skills, skills_text, type, currency, budget_cents, experience_level, visibility,
          screening_questions, attachment_ids, created_at, updated_at, published_at, first_published_at, publish_seq)
        select gen_random_uuid(), client_id, 'open', 'Filler job number ' || g, 'Nothing to see here: ' || md5(g::text),
          deliverables, category_id, skill_ids, skills, skills_text, 'fixed', 'USD', 10000, 'entry', 'public',
          screening_questions, attachment_ids, now(), now(), now(), now(), nextval('job_publish_seq')
        from (select * from jobs where state = 'open' limit 1) one, generate_series(1, 5000) as g`);
      await tx.execute(sql`analyze jobs`);
      const result = await tx.execute(sql`explain ${buildSearchQuery(query)}`);
      throw new Explained(result.rows.map((row) => String(row['QUERY PLAN'])).join('\n'));
    }).catch((error: unknown) => error);
    if (!(outcome instanceof Explained)) throw outcome;
    return outcome.text;
  }
  const base = () => ({
    filters: searchFilters({ type: 'hourly' }, freelancer.id, t.clock.now()),
    after: null,
    fetch: 21,
  });

  test('words probe the words-and-block GIN index one block at a time', async () => {
    for (const sort of ['relevance', 'newest'] as const) {
      const text = await plan({ ...base(), mode: 'text', sort, q: 'zephyr' });
      expect(text).toContain('Recursive Union');
      expect(text).toMatch(
        /Bitmap Index Scan on jobs_open_words_idx[^\n]*\n\s*Index Cond: \(\(search_vector @@ '''zephyr'''::tsquery\) AND \(\(\(publish_seq \/ 1024\)\)::integer = w\.block\)\)/,
      );
    }
    const fuzzy = await plan({ ...base(), mode: 'fuzzy', sort: 'relevance', q: 'javascrpt' });
    expect(fuzzy).toContain('jobs_open_title_trgm_idx');
    expect(fuzzy).toContain('jobs_open_words_idx');
  });

  test('browsing walks the newest-first index without sorting', async () => {
    const browse = await plan({
      ...base(),
      filters: searchFilters({}, freelancer.id, t.clock.now()),
      mode: 'browse',
      sort: 'newest',
      q: null,
    });
    expect(browse).toContain('jobs_open_newest_idx');
    expect(browse).not.toMatch(/^\s*(->\s*)?Sort/m);
  });
});
