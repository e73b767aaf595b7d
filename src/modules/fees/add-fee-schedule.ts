import { desc, sql } from 'drizzle-orm';
import { invalidField } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import type { StoredFeeSchedule } from './fee-schedules.ts';
import type { FeeScheduleDefinition } from './schedule.ts';
import { feeSchedules } from './tables.ts';

// Any constant: serializes operators adding versions so version numbers and dates stay in order.
const ADD_SCHEDULE_LOCK = 7_230_301;

/**
 * Adds the next version, effective from a future date: fees already shown to users (offers,
 * previews) stay true until then, and history is never rewritten. Versions take effect in order.
 */
export async function addFeeSchedule(
  ctx: Ctx,
  input: { effectiveFrom: Date; definition: FeeScheduleDefinition },
): Promise<StoredFeeSchedule> {
  const actor = requireActor(ctx);
  const now = ctx.clock.now();
  if (input.effectiveFrom.getTime() <= now.getTime()) {
    throw invalidField('effectiveFrom', 'A new fee schedule must take effect in the future.');
  }
  return ctx.tx(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ADD_SCHEDULE_LOCK})`);
    const [latest] = await tx.select().from(feeSchedules).orderBy(desc(feeSchedules.version)).limit(1);
    if (latest && latest.effectiveFrom.getTime() >= input.effectiveFrom.getTime()) {
      throw invalidField(
        'effectiveFrom',
        `Version ${latest.version} takes effect on ${latest.effectiveFrom.toISOString()}; a new version must start after it.`,
      );
    }
    const [row] = await tx
      .insert(feeSchedules)
      .values({
        id: newId(),
        version: (latest?.version ?? 0) + 1,
        effectiveFrom: input.effectiveFrom,
        definition: input.definition,
        createdBy: actor.userId,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    return { ...row, definition: input.definition };
  });
}
