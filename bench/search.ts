import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { PgDialect } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { connect, type Database } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { createAccount } from '../src/modules/accounts/create-account.ts';
import { actorFromSession } from '../src/modules/accounts/resolve-actor.ts';
import { startSession } from '../src/modules/accounts/sessions.ts';
import { searchFilters } from '../src/modules/jobs/search-filters.ts';
import { JobSearchQuery } from '../src/modules/jobs/search-params.ts';
import { buildSearchQuery, type SearchPlan } from '../src/modules/jobs/search-query.ts';
import { systemClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createLogger } from '../src/platform/logger.ts';
import { buildApp } from '../src/server/app.ts';
import { SESSION_COOKIE } from '../src/server/auth.ts';
import type { Services } from '../src/server/context.ts';
import { adminQuery, databaseUrl } from '../src/test/databases.ts';
import { RawHttpClient } from './raw-http-client.ts';
import { dropJobPools, insertClients, insertJobs, prepareJobPools } from './search-data.ts';
import { openBenchDatabase } from './server.ts';

/*
 * Job search latency at 10,000, 100,000 and 1,000,000 open jobs: (a) words + two filters, newest
 * first, and (b) words only, by relevance; each through the HTTP API (one kept-alive connection)
 * and as the same search statement sent directly with pg, through the app's own connection pool,
 * the two in turns (API first for one query, SQL first for the next). Targets: median(1M) <= 2 x
 * median(10k) and API <= 1.5 x SQL.
 *
 * Why the app's pool: a PostgreSQL backend of its own ran the very same statement 0.3-0.45 ms
 * faster or slower than the pool's backend did, whichever side issued it (measured at 10,000
 * jobs: the API's query timed inside the handler against the direct one, and three dedicated
 * connections against each other), which is a difference between backends, not anything the API
 * adds. Through the same pool both reach the same backend.
 */

const words = [
  'react',
  'logo design',
  'developer',
  'website',
  'data analysis',
  'seo',
  'video editing',
  'bookkeeping',
  'restaurant',
  'translation',
];
const filterPairs: Record<string, string>[] = [
  { type: 'hourly', experience: 'expert' },
  { type: 'fixed', postedWithin: '30d' },
  { experience: 'intermediate', paymentVerified: 'true' },
];
// Indexes rebuilt after the bulk load: building a GIN index at once is far faster than
// maintaining it row by row.
const searchIndexes = [
  'jobs_open_words_idx',
  'jobs_open_title_trgm_idx',
  'jobs_open_skills_idx',
  'jobs_open_newest_idx',
];

interface Kind {
  name: string;
  query: (index: number) => Record<string, string>;
}
const kinds: Kind[] = [
  {
    name: '(a) words + 2 filters, newest',
    query: (i) => ({ q: words[i % words.length] as string, ...filterPairs[i % filterPairs.length], sort: 'newest' }),
  },
  { name: '(b) words only, relevance', query: (i) => ({ q: words[i % words.length] as string, sort: 'relevance' }) },
];

interface Stats {
  median: number;
  p99: number;
}
const stats = (samples: number[]): Stats => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return { median: at(0.5), p99: at(0.99) };
};

interface SizeResult {
  size: number;
  generateSeconds: number;
  byKind: Map<string, { api: Stats; sql: Stats; sqlWithSession: Stats }>;
}

/** One database of `size` jobs with the HTTP app serving it. */
interface Fixture {
  size: number;
  generateSeconds: number;
  database: Database;
  baseUrl: string;
  headers: Record<string, string>;
  freelancerId: string;
  sessionToken: string;
  http: RawHttpClient;
  close(): Promise<void>;
}

export async function runSearchBench(argv: string[]): Promise<boolean> {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: '10000,100000,1000000' },
      rounds: { type: 'string', default: '30' },
      fast: { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  const rounds = Number(values.rounds);
  const server = await openBenchDatabase('wr_bench_search', { fast: values.fast });
  const adminUrl = databaseUrl(server.url, 'postgres');
  console.log(`search benchmark: ${sizes.join(', ')} open jobs; ${rounds} rounds x ${words.length} queries per kind`);
  console.log(`on ${server.describe}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]?.toFixed(1)}`);
  const fixtures: Fixture[] = [];
  try {
    for (const size of sizes) fixtures.push(await openFixture(adminUrl, size));
    // Sizes are measured in turns, round by round, so that load from other processes on the
    // machine falls on all of them alike instead of skewing the ratios.
    const samples = new Map<string, { api: number[]; sql: number[]; sqlWithSession: number[] }>();
    const key = (size: number, kind: Kind) => `${size}:${kind.name}`;
    for (const fixture of fixtures) {
      for (const kind of kinds) {
        samples.set(key(fixture.size, kind), { api: [], sql: [], sqlWithSession: [] });
        for (let i = 0; i < words.length * 2; i++) await measureOnce(fixture, kind.query(i), i % 2 === 0); // warm-up
      }
    }
    for (let round = 0; round < rounds; round++) {
      for (const fixture of fixtures) {
        for (const kind of kinds) {
          const bucket = samples.get(key(fixture.size, kind));
          for (let i = 0; i < words.length; i++) {
            // Each query is measured API first in one round and SQL first in the next: whichever
            // runs second finds the same index and heap pages warm in the CPU caches (measured:
            // about 0.1 ms faster at 10,000 jobs), so a fixed order would favour one side.
            const timing = await measureOnce(fixture, kind.query(round * words.length + i), (round + i) % 2 === 0);
            bucket?.api.push(timing.api);
            bucket?.sql.push(timing.sql);
            bucket?.sqlWithSession.push(timing.sqlWithSession);
          }
        }
      }
    }
    const results: SizeResult[] = fixtures.map((fixture) => ({
      size: fixture.size,
      generateSeconds: fixture.generateSeconds,
      byKind: new Map(
        kinds.map((kind) => {
          const bucket = samples.get(key(fixture.size, kind)) ?? { api: [], sql: [], sqlWithSession: [] };
          return [
            kind.name,
            { api: stats(bucket.api), sql: stats(bucket.sql), sqlWithSession: stats(bucket.sqlWithSession) },
          ];
        }),
      ),
    }));
    for (const fixture of fixtures) await printPlans(fixture);
    for (const result of results) printSize(result);
    console.log(`load average at the end ${os.loadavg()[0]?.toFixed(1)}`);
    if (fallbacks.size > 0)
      console.log(`fell back to trigram search: ${[...fallbacks].map(([q, n]) => `${q} x${n}`).join(', ')}`);
    return printSummary(results);
  } finally {
    for (const fixture of fixtures) await fixture.close();
    await server.close();
  }
}

async function openFixture(adminUrl: string, size: number): Promise<Fixture> {
  const name = `wr_bench_search_${size}_${process.pid}`;
  await adminQuery(adminUrl, `drop database if exists ${name}`);
  await adminQuery(adminUrl, `create database ${name}`);
  const url = databaseUrl(adminUrl, name);
  const database = connect(url, { max: 4, applicationName: 'workroom-bench' });
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'workroom-bench-search-'));
  await runMigrations(database.db);
  const started = performance.now();
  await generateSearchData(database, size);
  const generateSeconds = (performance.now() - started) / 1000;
  console.log(`${size.toLocaleString('en')} jobs generated in ${generateSeconds.toFixed(1)} s`);

  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', SCHEDULER: 'false', DATA_DIR: dataDir });
  const services: Services = { db: database.db, clock: systemClock, config, log: createLogger('silent') };
  const account = await createAccount(services, {
    email: 'bench-freelancer@example.test',
    password: 'a long bench passphrase 2026',
    displayName: 'Bench Freelancer',
    role: 'freelancer',
  });
  const session = await startSession(database.db, services, {
    userId: account.id,
    client: { userAgent: 'bench', ip: null },
  });
  const app = await buildApp({ services, serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const headers = { cookie: `${SESSION_COOKIE}=${session.token}` };
  const http = new RawHttpClient(port, headers);
  return {
    size,
    generateSeconds,
    database,
    baseUrl: `http://127.0.0.1:${port}`,
    headers,
    freelancerId: account.id,
    sessionToken: session.token,
    http,
    async close() {
      http.close();
      await app.close();
      await database.close();
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

const dialect = new PgDialect();
const fallbacks = new Map<string, number>();

/** The statement the API runs for this search's first page. */
function statementFor(fixture: Fixture, query: Record<string, string>) {
  const params = JobSearchQuery.parse(query);
  const plan: SearchPlan = {
    mode: 'text',
    sort: params.sort ?? 'relevance',
    q: params.q ?? null,
    filters: searchFilters(params, fixture.freelancerId, systemClock.now()),
    after: null,
    fetch: params.limit + 1,
  };
  return dialect.sqlToQuery(buildSearchQuery(plan));
}

async function measureOnce(
  fixture: Fixture,
  query: Record<string, string>,
  apiFirst: boolean,
): Promise<{ api: number; sql: number; sqlWithSession: number }> {
  const statement = statementFor(fixture, query);
  const viaApi = async () => {
    const started = performance.now();
    const response = await fixture.http.get(`/api/jobs/search?${new URLSearchParams(query)}`);
    return { elapsed: performance.now() - started, response };
  };
  const direct = async () => {
    const started = performance.now();
    await fixture.database.pool.query(statement.sql, statement.params);
    return performance.now() - started;
  };
  let sql = apiFirst ? 0 : await direct();
  const { elapsed: api, response } = await viaApi();
  if (apiFirst) sql = await direct();
  const body = JSON.parse(response.body.toString('utf8')) as { items: unknown[]; mode: string };
  if (response.status !== 200) throw new Error(`search answered ${response.status}: ${JSON.stringify(body)}`);
  // The API adds trigram near misses when words find fewer than 3 jobs; that is a second query
  // the direct SQL does not run, so it is counted and reported.
  if (body.mode !== 'text')
    fallbacks.set(`${fixture.size} "${query.q}"`, (fallbacks.get(`${fixture.size} "${query.q}"`) ?? 0) + 1);
  // Every API request also looks its session up: the same statement, through the same function.
  const started = performance.now();
  await actorFromSession(fixture.database.db, fixture.sessionToken, new Date());
  await fixture.database.pool.query(statement.sql, statement.params);
  return { api, sql, sqlWithSession: performance.now() - started };
}

async function printPlans(fixture: Fixture): Promise<void> {
  for (const kind of kinds) {
    const statement = statementFor(fixture, kind.query(0));
    const plan = await fixture.database.pool.query(
      `explain (analyze, buffers, costs off) ${statement.sql}`,
      statement.params,
    );
    console.log(`\nplan at ${fixture.size.toLocaleString('en')} jobs, ${kind.name}, "${kind.query(0).q}":`);
    for (const row of plan.rows as { 'QUERY PLAN': string }[]) console.log(`  ${row['QUERY PLAN']}`);
  }
}

export async function generateSearchData(database: Database, size: number): Promise<void> {
  const client = await database.pool.connect();
  const second = await database.pool.connect();
  try {
    const definitions: string[] = [];
    for (const index of searchIndexes) {
      const definition = await client.query('select pg_get_indexdef($1::regclass) as def', [index]);
      definitions.push(String(definition.rows[0]?.def));
      await client.query(`drop index ${index}`);
    }
    await insertClients(client, Math.max(50, Math.floor(size / 40)), 0);
    await prepareJobPools(client);
    // Slices of 50,000 on two connections (two cores), oldest first.
    const sliceSize = 50_000;
    const slices: { from: number; count: number; total: number }[] = [];
    for (let from = 1; from <= size; from += sliceSize) {
      slices.push({ from, count: Math.min(sliceSize, size - from + 1), total: size });
    }
    let inserted = 0;
    const worker = async (connection: pg.PoolClient) => {
      for (let slice = slices.shift(); slice; slice = slices.shift()) {
        await insertJobs(connection, slice);
        inserted += slice.count;
        if (size > sliceSize) process.stdout.write(`  ${inserted.toLocaleString('en')} jobs\r`);
      }
    };
    await Promise.all([worker(client), worker(second)]);
    for (const connection of [client, second]) {
      await connection.query(`set maintenance_work_mem = '256MB'`);
    }
    const builds = [...definitions];
    const build = async (connection: pg.PoolClient) => {
      for (let definition = builds.shift(); definition; definition = builds.shift()) {
        const t0 = performance.now();
        await connection.query(definition);
        if (size >= 100_000) {
          console.log(`  ${definition.split(' ON ')[0]} built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
        }
      }
    };
    await Promise.all([build(client), build(second)]);
    await dropJobPools(client);
    // Job number i was published i-th.
    await client.query('select setval($1::regclass, $2)', ['job_publish_seq', size]);
    await client.query('vacuum (analyze) jobs');
    await client.query('analyze users; analyze client_profiles; analyze job_invitations');
  } finally {
    client.release();
    second.release();
  }
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

function printSize(result: SizeResult): void {
  console.log(`\n${result.size.toLocaleString('en')} jobs:`);
  for (const [name, { api, sql: direct, sqlWithSession }] of result.byKind) {
    console.log(
      `  ${name.padEnd(32)} API median ${ms(api.median)} p99 ${ms(api.p99)} | SQL median ${ms(direct.median)} p99 ${ms(direct.p99)} | API/SQL ${(api.median / direct.median).toFixed(2)} | with the session lookup: SQL ${ms(sqlWithSession.median)}, API/SQL ${(api.median / sqlWithSession.median).toFixed(2)}`,
    );
  }
}

function printSummary(results: SizeResult[]): boolean {
  const smallest = results[0];
  const largest = results.at(-1);
  if (!smallest || !largest) return false;
  console.log('\nsummary');
  let ok = true;
  for (const kind of kinds) {
    const small = smallest.byKind.get(kind.name);
    const large = largest.byKind.get(kind.name);
    if (!small || !large) continue;
    const growth = large.api.median / small.api.median;
    const overhead = large.api.median / large.sql.median;
    ok &&= growth <= 2 && overhead <= 1.5;
    console.log(
      `  ${kind.name.padEnd(32)} RATIO median(${largest.size})/median(${smallest.size}) API = ${growth.toFixed(2)} (target <= 2), SQL = ${(large.sql.median / small.sql.median).toFixed(2)}; API/SQL at ${largest.size} = ${overhead.toFixed(2)} (target <= 1.5)`,
    );
  }
  return ok;
}
