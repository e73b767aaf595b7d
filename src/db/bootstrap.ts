import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../platform/config.ts';
import { connect, type Database } from './client.ts';
import { ensureDatabase, startEmbeddedPostgres, stopPostmaster } from './embedded.ts';
import { runMigrations } from './migrate.ts';

/** Where a running embedded PostgreSQL announces itself, so `workroom demo` can share it with `npm start`. */
const runtimeFile = (config: Config) => path.join(config.dataDir, 'embedded-postgres.json');

interface RunningEmbedded {
  url: string;
  /** The process that started it is gone (killed): whoever reuses it takes over stopping it. */
  orphaned: boolean;
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function runningEmbedded(config: Config): Promise<RunningEmbedded | undefined> {
  const file = runtimeFile(config);
  if (!existsSync(file)) return undefined;
  try {
    const { url, pid } = JSON.parse(await fs.readFile(file, 'utf8')) as { url: string; pid: number };
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    await client.connect();
    await client.end();
    return { url, orphaned: !isAlive(pid) };
  } catch {
    return undefined; // stale: the server that wrote it is gone
  }
}

export interface OpenedDatabase extends Database {
  url: string;
  /** True when this process started the embedded server (and stops it at shutdown). */
  embedded: boolean;
  /** Closes the pool and, for the embedded server, stops PostgreSQL cleanly. */
  shutdown(): Promise<void>;
}

/** Connects to DATABASE_URL, or starts the embedded PostgreSQL in the data dir, then migrates. */
export async function openDatabase(
  config: Config,
  options: { migrate?: boolean; log?: (line: string) => void } = {},
): Promise<OpenedDatabase> {
  const pgDir = path.join(config.dataDir, 'postgres');
  const running = config.DATABASE_URL ? undefined : await runningEmbedded(config);
  let url = config.DATABASE_URL ?? running?.url;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (running?.orphaned) {
    // The Workroom that started this PostgreSQL was killed; adopt it so it is stopped with us.
    await fs.writeFile(runtimeFile(config), JSON.stringify({ url: running.url, pid: process.pid }));
    stopEmbedded = async () => {
      await fs.rm(runtimeFile(config), { force: true });
      await stopPostmaster(pgDir);
    };
  }
  if (!url) {
    const server = await startEmbeddedPostgres({
      dir: pgDir,
      port: config.EMBEDDED_PG_PORT,
      log: options.log,
    });
    await ensureDatabase(server.url('postgres'), 'workroom');
    url = server.url('workroom');
    await fs.writeFile(runtimeFile(config), JSON.stringify({ url, pid: process.pid }));
    stopEmbedded = async () => {
      await fs.rm(runtimeFile(config), { force: true });
      await server.stop();
    };
  }
  const database = connect(url);
  try {
    if (options.migrate !== false) await runMigrations(database.db);
  } catch (error) {
    await database.close();
    await stopEmbedded?.();
    throw error;
  }
  return {
    ...database,
    url,
    embedded: Boolean(stopEmbedded),
    async shutdown() {
      await database.close();
      await stopEmbedded?.();
    },
  };
}
