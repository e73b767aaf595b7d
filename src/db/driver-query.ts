import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Executor } from './client.ts';

interface Queryable {
  query<R>(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: R[] }>;
}

/**
 * The node-postgres client (a pool, or the connection of an open transaction) behind a drizzle
 * executor. Hot calls (the ledger's transfer, the session lookup of every request, a job search
 * page) go to it directly: through drizzle the same call costs about twice the client CPU
 * (measured in bench/ledger.ts and bench/search.ts).
 */
function driverOf(executor: Executor): Queryable | null {
  const client: unknown = (executor._.session as unknown as { client?: unknown }).client;
  if (client && typeof (client as Partial<Queryable>).query === 'function') return client as Queryable;
  return null;
}

/** Runs `text` ($1, $2... placeholders) as the prepared statement `name` on the executor's connection. */
export async function queryPrepared<R extends Record<string, unknown>>(
  executor: Executor,
  name: string,
  text: string,
  values: unknown[],
): Promise<R[]> {
  const driver = driverOf(executor);
  if (driver) return (await driver.query<R>({ name, text, values })).rows;
  // Any other driver: the same query through drizzle, unprepared.
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = parts.map((part, index) =>
    index % 2 === 0 ? sql.raw(part) : sql`${values[Number(part) - 1]}`,
  );
  return (await executor.execute<R>(sql.join(chunks))).rows as R[];
}

const dialect = new PgDialect();

/**
 * Runs a drizzle `sql` statement on the executor's connection, unprepared (planned for its own
 * parameters each time). Timestamps come back as Dates (node-postgres' parsing), where drizzle's
 * `execute` leaves them as text.
 */
export async function queryDirect<R extends Record<string, unknown>>(executor: Executor, query: SQL): Promise<R[]> {
  const driver = driverOf(executor);
  if (!driver) return (await executor.execute<R>(query)).rows as R[];
  const { sql: text, params } = dialect.sqlToQuery(query);
  return (await driver.query<R>({ text, values: params })).rows;
}
