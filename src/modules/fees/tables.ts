import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { FeeScheduleDefinition } from './schedule.ts';

/**
 * The fee schedule as data. Rows are never changed: a new version is added with a later
 * `effective_from`, and every charge records the version it was computed with. Version 1 is
 * seeded by the migration that creates the table.
 */
export const feeSchedules = pgTable(
  'fee_schedules',
  {
    id: uuid('id').primaryKey(),
    version: integer('version').notNull(),
    effectiveFrom: timestamp('effective_from', { withTimezone: true }).notNull(),
    definition: jsonb('definition').$type<FeeScheduleDefinition>().notNull(),
    /** The operator who added it; null for the seeded version. */
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('fee_schedules_version_key').on(table.version),
    uniqueIndex('fee_schedules_effective_from_key').on(table.effectiveFrom),
    check('fee_schedules_version_positive', sql`${table.version} > 0`),
  ],
);
