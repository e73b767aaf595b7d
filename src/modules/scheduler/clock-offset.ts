import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { AdjustableClock } from '../../platform/clock.ts';
import { appSettings } from './tables.ts';

/** The shift of the clock from real time, shared by every process and the CLI. */
export const CLOCK_OFFSET_KEY = 'clock.offset_ms';

export interface ClockReading {
  now: Date;
  offsetMs: number;
}

/**
 * Applies the stored clock offset to this process's clock (at start and on every scheduler tick),
 * so a `workroom clock advance` in another process is seen here too. The clock only moves
 * forward: a stored offset behind this clock's own is ignored.
 */
export async function loadClockOffset(db: Executor, clock: AdjustableClock): Promise<ClockReading> {
  const [row] = await db
    .select({ value: appSettings.value })
    .from(appSettings)
    .where(eq(appSettings.key, CLOCK_OFFSET_KEY));
  const stored = row ? Number(row.value) : 0;
  if (Number.isSafeInteger(stored) && stored > clock.offset) clock.setOffset(stored);
  return { now: clock.now(), offsetMs: clock.offset };
}

/**
 * Moves the clock forward by `ms` for every process: the new offset is the larger of the stored
 * and this clock's offset plus `ms`, computed in one statement so two concurrent advances add up.
 */
export async function advanceClock(db: Executor, clock: AdjustableClock, ms: number): Promise<ClockReading> {
  if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError('The clock only moves forward');
  const proposed = clock.offset + ms;
  const [row] = await db
    .insert(appSettings)
    .values({ key: CLOCK_OFFSET_KEY, value: String(proposed), updatedAt: clock.now() })
    .onConflictDoUpdate({
      target: appSettings.key,
      set: {
        value: sql`(greatest(${appSettings.value}::bigint, ${clock.offset}::bigint) + ${ms}::bigint)::text`,
        updatedAt: clock.now(),
      },
    })
    .returning({ value: appSettings.value });
  const offset = Number(row?.value ?? proposed);
  if (offset > clock.offset) clock.setOffset(offset);
  return { now: clock.now(), offsetMs: clock.offset };
}
