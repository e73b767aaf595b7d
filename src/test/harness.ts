import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { connect, type Database } from '../db/client.ts';
import { AdjustableClock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config.ts';
import { newId } from '../platform/ids.ts';
import { createLogger } from '../platform/logger.ts';
import { type BuildAppOptions, buildApp } from '../server/app.ts';
import type { Services } from '../server/context.ts';
import type { App } from '../server/module.ts';
import { closeApp } from '../server/shutdown.ts';
import { adminQuery, databaseUrl } from './databases.ts';
import { TestClient } from './http.ts';

export interface TestApp {
  baseUrl: string;
  app: App;
  services: Services;
  clock: AdjustableClock;
  database: Database;
  dataDir: string;
  /** A new HTTP client with its own cookie jar (one per simulated person). */
  client(): TestClient;
  close(): Promise<void>;
}

/** A fresh database cloned from the migrated template, for one test file. */
export async function createTestDatabase(): Promise<{ url: string; name: string }> {
  const adminUrl = inject('dbAdminUrl');
  const template = inject('dbTemplate');
  const name = `${template}_${newId().replaceAll('-', '').slice(0, 12)}`;
  await adminQuery(adminUrl, `create database ${name} template ${template}`);
  return { url: databaseUrl(adminUrl, name), name };
}

export interface TestAppOptions {
  /** Serve the built web app (browser tests). */
  serveWeb?: boolean;
  /** Extra routes for tests of the pipeline itself. */
  configure?: BuildAppOptions['configure'];
}

/** Starts the real HTTP app on a random port against its own database. */
export async function startTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const { url } = await createTestDatabase();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'workroom-test-data-'));
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir, SCHEDULER: 'false', DATABASE_URL: url, ...env });
  const database = connect(url, { max: 8 });
  const clock = new AdjustableClock();
  const services: Services = { db: database.db, clock, config, log: createLogger(config.LOG_LEVEL) };
  const app = await buildApp({ services, serveWeb: options.serveWeb ?? false, configure: options.configure });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    app,
    services,
    clock,
    database,
    dataDir,
    client: () => new TestClient(baseUrl),
    async close() {
      // A test file closes once its requests are answered: nothing is in flight to wait for.
      await closeApp(app, 200);
      await database.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
