import type pg from 'pg';

/*
 * Bulk data for the search benchmark, generated inside PostgreSQL with generate_series and word
 * lists (a benchmark may write rows directly; the demo never does). Jobs are inserted in publish
 * order, as a live marketplace would write them, spread over the last 60 days.
 */

const products = [
  'an online store',
  'a mobile banking app',
  'a restaurant booking site',
  'a logistics dashboard',
  'a real estate portal',
  'a fitness tracking app',
  'a weekly podcast',
  'our marketing website',
  'a SaaS onboarding flow',
  'an internal CRM',
  'a charity campaign',
  'a coffee brand',
  'a travel blog',
  "a children's book",
  'an e-learning course',
  'a crypto exchange',
  'a dental clinic',
  'a law firm',
  'a hardware startup',
  'a fashion label',
  'a B2B newsletter',
  'a municipal survey',
  'an investor deck',
  'a furniture catalogue',
  'a music festival',
  'a recruitment agency',
  'a solar installer',
  'a veterinary practice',
  'a university research lab',
  'a family bakery',
  'a ski resort',
  'a wine importer',
  'an insurance broker',
  'a yoga studio',
  'a game studio',
  'a bike repair chain',
];

const titles = [
  '%1$s developer for %2$s',
  'Senior %1$s engineer to build %2$s',
  '%1$s expert needed for %2$s',
  'Build %2$s with %1$s and %3$s',
  '%1$s and %3$s specialist for %2$s',
  'Help with %1$s for %2$s',
  'Long-term %1$s consultant for %2$s',
  'Fix and improve %2$s (%1$s)',
  '%1$s freelancer to redesign %2$s',
  '%1$s project: %2$s',
  'Need a %1$s pro for %2$s',
  '%3$s and %1$s work on %2$s',
];

const sentences = [
  'We are a small team building %2$s and need help with %1$s.',
  'The work covers %1$s and some %3$s; experience with both is a plus.',
  'Out of scope: hosting, content writing and anything outside %1$s.',
  'You will work with our product manager and one designer, with a weekly call.',
  'Please share examples of similar work and your availability for the next month.',
  'The first milestone is a working prototype within two weeks.',
  'Our current setup is messy and undocumented, so patience and good notes matter.',
  'We value clear communication, honest estimates and careful testing.',
  'Deadlines are flexible but we would like to launch before the end of the quarter.',
  'Bonus if you have worked with %3$s in a regulated industry such as health or finance.',
  'The budget is fixed, but we are open to a follow-up contract after delivery.',
  'Deliverables must include source files and a short hand-over document.',
  'Time zone overlap of at least three hours with Central Europe is required.',
  'We already have wireframes; the visual direction is up to you.',
  'Expect around twenty hours a week during the first month, fewer later.',
  'Tell us how you would approach %2$s and what you would do first.',
  'Fluent English is needed for the parts of the work that face our customers.',
  'We will provide access to our staging environment, analytics and support tickets.',
  'Performance and accessibility are important for this project.',
  'A previous freelancer left the %1$s part half finished; we need someone to take ownership.',
  'Our customers are mostly in Germany, France and the Netherlands.',
  'The project starts as soon as we find the right person.',
  'We prefer someone who asks questions early rather than guessing.',
  'Payment is by milestone, each released after a short review.',
  'Include the word "lighthouse" in your proposal so we know you read this.',
  'We are replacing an agency that was too slow for us.',
  'Reporting is a short written update every Friday.',
  'All work must be original and you must own the rights to transfer it.',
  'You will join our chat workspace and have a named contact on our side.',
  'The scope may grow if the first phase goes well.',
  'Experience with %1$s at scale (thousands of users) is expected.',
  'We care about maintainable work that our own team can continue later.',
  'Our stack and tools are documented in a short onboarding guide.',
  'Speed matters, but not at the expense of quality.',
  'The audience is small business owners who are not technical.',
  'We would like a short call before the contract starts.',
  'Weekend work is never expected.',
  'There is an existing brand guide you must follow.',
  'The data is confidential and a simple NDA is part of the contract.',
  'Please estimate the hours you expect for each part of the work.',
];

const countries = ['US', 'GB', 'DE', 'FR', 'NL', 'SE', 'CA', 'AU', 'IN', 'BR', 'ES', 'IT', 'PL', 'NG', 'JP'];

const literal = (values: string[]) =>
  `array[${values.map((value) => `'${value.replaceAll("'", "''")}'`).join(',')}]::text[]`;

/** Client accounts (and profiles) that bench jobs belong to: one per 40 jobs, at least 50. */
export async function insertClients(client: pg.ClientBase, count: number, offset: number): Promise<void> {
  await client.query(
    `insert into users (id, email, password_hash, roles, display_name, password_changed_at, created_at)
     select gen_random_uuid(), 'bench-client-' || i || '@example.test', 'x', '{client}', 'Bench Client ' || i,
       now(), now() - (i % 1000) * interval '1 day'
     from generate_series($1::int + 1, $1::int + $2::int) as g(i)`,
    [offset, count],
  );
  await client.query(
    `insert into client_profiles (user_id, name, country, created_at, updated_at)
     select id, display_name, (${literal(countries)})[1 + abs(hashtext(id::text)) % ${countries.length}], now(), now()
     from users where email like 'bench-client-%' and id not in (select user_id from client_profiles)`,
  );
}

/**
 * Word pools the job rows draw from: 3,000 descriptions (5 to 8 sentences with placeholders for
 * skills and product) and 200 skill sets per category, so each row only picks and formats.
 */
export async function prepareJobPools(client: pg.ClientBase): Promise<void> {
  await client.query(`create unlogged table bench_categories as
    select (row_number() over (order by c.position))::int - 1 as idx, c.id as category_id,
      array_agg(s.id order by s.name) as skill_ids, array_agg(s.name order by s.name) as names,
      array_agg(s.slug order by s.name) as slugs
    from skill_categories c join skills s on s.category_id = c.id group by c.id, c.position`);
  await client.query(`create unlogged table bench_skillsets as
    select c.idx as category, g.n as set_idx, sk.*
    from bench_categories c cross join generate_series(0, 199) as g(n)
    cross join lateral (
      select array_agg(c.skill_ids[k] order by o) as ids, array_agg(c.names[k] order by o) as names,
        jsonb_agg(jsonb_build_object('id', c.skill_ids[k], 'slug', c.slugs[k], 'name', c.names[k]) order by o) as skills,
        string_agg(c.names[k] || ' ' || regexp_replace(c.names[k], '[^[:alnum:]]+', ' ', 'g'), ' ; ' order by o) as search_text
      from (select o, 1 + ((abs(hashtext(c.idx || ':' || g.n)) + o * (1 + g.n % 2)) % cardinality(c.skill_ids)) as k
            from generate_series(0, g.n % 5) as o) picked
    ) sk`);
  await client.query(`create unlogged table bench_texts as
    select g.n - 1 as idx, d.text from generate_series(1, 3000) as g(n)
    cross join lateral (
      select string_agg((${literal(sentences)})[1 + floor(random() * ${sentences.length} + 0 * s.n)::int], ' ') as text
      from generate_series(1, 5 + (g.n % 4)) as s(n)
    ) d`);
  await client.query(`create unlogged table bench_clients as
    select (row_number() over (order by u.id))::int - 1 as idx, u.id, p.country,
      abs(hashtext(u.id::text)) % 10 < 3 as verified, abs(hashtext(u.id::text || 'h')) % 10 < 4 as hired
    from users u join client_profiles p on p.user_id = u.id where u.email like 'bench-client-%'`);
  await client.query('create index on bench_skillsets (category, set_idx)');
  await client.query('create index on bench_clients (idx)');
  await client.query('create index on bench_texts (idx)');
  await client.query('analyze bench_categories, bench_skillsets, bench_texts, bench_clients');
}

export async function dropJobPools(client: pg.ClientBase): Promise<void> {
  await client.query('drop table bench_categories, bench_skillsets, bench_texts, bench_clients');
}

/**
 * Jobs number `from` to `from + count - 1` of `total`, open, with realistic titles,
 * descriptions, categories and skills, published evenly over the last 60 days in number order.
 * 5% are invite-only; about 30% of clients are payment verified and 40% have hired before.
 */
export async function insertJobs(
  client: pg.ClientBase,
  slice: { from: number; count: number; total: number },
): Promise<void> {
  const counts = await client.query(`select (select count(*) from bench_categories)::int as categories,
    (select count(*) from bench_clients)::int as clients`);
  const { categories, clients } = counts.rows[0] as { categories: number; clients: number };
  await client.query(
    `insert into jobs (id, client_id, state, title, description, deliverables, category_id, skill_ids, skills,
        skills_text, type, currency, budget_cents, hourly_min_cents, hourly_max_cents, hours_per_week, duration,
        experience_level, visibility, screening_questions, attachment_ids, proposals_count, interviewing_count,
        invites_sent_count, client_payment_verified, client_has_hires, client_country, created_at, updated_at, published_at,
        first_published_at, publish_seq)
     select gen_random_uuid(), cl.id, 'open',
       format((${literal(titles)})[r.title_idx], sk.names[1], r.product, sk.names[cardinality(sk.names)]),
       format(d.text, sk.names[1], r.product, sk.names[cardinality(sk.names)]),
       '[{"title":"The work","acceptanceCriteria":"Done as described in the job."}]'::jsonb,
       c.category_id, sk.ids, sk.skills, sk.search_text,
       case when r.hourly then 'hourly' else 'fixed' end, 'USD',
       case when r.hourly then null else (500 + floor(power(random(), 3) * 2000000))::bigint end,
       case when r.hourly then r.rate_min end,
       case when r.hourly then r.rate_min + (floor(random() * 6000))::bigint end,
       case when r.hourly then (5 + floor(random() * 35))::int end,
       case when r.hourly then (array['less_than_1_month','1_to_3_months','3_to_6_months','more_than_6_months'])[1 + floor(random() * 4)::int] end,
       (array['entry','intermediate','expert'])[1 + floor(random() * 3)::int],
       case when random() < 0.05 then 'invite_only' else 'public' end,
       '[]'::jsonb, '{}'::uuid[], floor(power(random(), 3) * 60)::int, floor(random() * 3)::int,
       floor(random() * 4)::int, cl.verified, cl.hired, cl.country, r.at, r.at, r.at, r.at, g.i
     from generate_series($1::int, $1::int + $2::int - 1) as g(i)
     cross join lateral (
       select random() < 0.45 as hourly, (1000 + floor(random() * 9000))::bigint as rate_min,
         -- Publish order: evenly over 60 days up to now, whole milliseconds (as the app's clock writes).
         date_trunc('milliseconds', now() - interval '60 days' * (1 - (g.i::float8 / $3::int))) as at,
         floor(random() * ${categories})::int as category, floor(random() * ${clients})::int as client_idx,
         floor(random() * 200)::int as skill_set, floor(random() * 3000)::int as text_idx,
         1 + floor(random() * ${titles.length})::int as title_idx,
         (${literal(products)})[1 + floor(random() * ${products.length})::int] as product
     ) r
     join bench_categories c on c.idx = r.category
     join bench_skillsets sk on sk.category = r.category and sk.set_idx = r.skill_set
     join bench_texts d on d.idx = r.text_idx
     join bench_clients cl on cl.idx = r.client_idx
     order by r.at`,
    [slice.from, slice.count, slice.total],
  );
}
