import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { connect } from '../db/client.ts';
import { startEmbeddedPostgres } from '../db/embedded.ts';
import { runMigrations } from '../db/migrate.ts';
import { adminQuery, databaseUrl } from './databases.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dbAdminUrl: string;
    dbTemplate: string;
  }
}

/**
 * Starts one PostgreSQL for the run (DATABASE_URL's server, else an embedded one in a temp dir)
 * and migrates a template database that every test file clones.
 */
export default async function setup(project: TestProject) {
  let adminUrl = process.env.DATABASE_URL;
  let cleanup = async () => {};
  if (!adminUrl) {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'workroom-test-pg-'));
    const server = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), fast: true });
    adminUrl = server.url('postgres');
    cleanup = async () => {
      await server.stop();
      await fs.rm(dir, { recursive: true, force: true });
    };
  }
  const template = `wr_template_${process.pid}_${project.name}`.replace(/\W/g, '_');
  await adminQuery(adminUrl, `drop database if exists ${template}`);
  await adminQuery(adminUrl, `create database ${template}`);
  const database = connect(databaseUrl(adminUrl, template), { max: 1 });
  try {
    await runMigrations(database.db);
  } finally {
    await database.close();
  }
  project.provide('dbAdminUrl', adminUrl);
  project.provide('dbTemplate', template);
  return async () => {
    await dropTestDatabases(adminUrl, template);
    await cleanup();
  };
}

async function dropTestDatabases(adminUrl: string, template: string) {
  const rows = await adminQuery(adminUrl, `select datname from pg_database where datname like '${template}%'`);
  for (const { datname } of rows as { datname: string }[]) {
    await adminQuery(adminUrl, `drop database if exists ${datname} with (force)`);
  }
}
