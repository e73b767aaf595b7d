import { desc, eq, lte } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { type FeeSchedule, FeeScheduleDefinition } from './schedule.ts';
import { feeSchedules } from './tables.ts';

export interface StoredFeeSchedule extends FeeSchedule {
  id: string;
  createdBy: string | null;
  createdAt: Date;
}

function toSchedule(row: typeof feeSchedules.$inferSelect): StoredFeeSchedule {
  return {
    id: row.id,
    version: row.version,
    effectiveFrom: row.effectiveFrom,
    // Parsed, not cast: a hand-edited row must fail loudly rather than charge a wrong fee.
    definition: FeeScheduleDefinition.parse(row.definition),
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  };
}

/** The schedule in force at `at`: the latest version whose effective date has come. */
export async function feeScheduleInForce(executor: Executor, at: Date): Promise<StoredFeeSchedule> {
  const [row] = await executor
    .select()
    .from(feeSchedules)
    .where(lte(feeSchedules.effectiveFrom, at))
    .orderBy(desc(feeSchedules.effectiveFrom))
    .limit(1);
  // The migration seeds version 1 effective from 2000, so this means a broken database.
  if (!row) throw new AppError('internal', { details: { reason: 'no fee schedule in force' } });
  return toSchedule(row);
}

/** A given version (charges record the version they used, to recompute or explain a fee). */
export async function feeScheduleVersion(executor: Executor, version: number): Promise<StoredFeeSchedule | null> {
  const [row] = await executor.select().from(feeSchedules).where(eq(feeSchedules.version, version));
  return row ? toSchedule(row) : null;
}

/** Every version, newest first. */
export async function listFeeSchedules(executor: Executor): Promise<StoredFeeSchedule[]> {
  const rows = await executor.select().from(feeSchedules).orderBy(desc(feeSchedules.version));
  return rows.map(toSchedule);
}
