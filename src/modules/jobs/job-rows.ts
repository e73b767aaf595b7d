import { and, eq, getTableColumns } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Tx } from '../../db/transaction.ts';
import { notFound } from '../../platform/errors.ts';
import type { Actor } from '../../server/context.ts';
import { jobs } from './tables.ts';

// Every column but the search vector, which only the database reads.
const { searchVector: _searchVector, ...columns } = getTableColumns(jobs);
export const jobColumns = columns;

export type JobRow = Omit<typeof jobs.$inferSelect, 'searchVector'>;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The job, or null; `lock` takes a row lock for the rest of the transaction. */
export async function findJob(executor: Executor, jobId: string, options: { lock?: boolean } = {}) {
  if (!UUID.test(jobId)) return null;
  const query = executor.select(jobColumns).from(jobs).where(eq(jobs.id, jobId));
  const [row] = options.lock ? await query.for('update') : await query;
  return (row as JobRow | undefined) ?? null;
}

/**
 * The caller's own job, locked for a change. Anyone else's job, operators' included, is a 404:
 * only the client who posted a job may change it.
 */
export async function lockOwnJob(tx: Tx, actor: Actor, jobId: string): Promise<JobRow> {
  if (!UUID.test(jobId)) throw notFound('Job');
  const [row] = await tx
    .select(jobColumns)
    .from(jobs)
    .where(and(eq(jobs.id, jobId), eq(jobs.clientId, actor.userId)))
    .for('update');
  if (!row) throw notFound('Job');
  return row as JobRow;
}
