import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** When each scheduled task last ran and is next due, shared by every app process. */
export const scheduledTaskRuns = pgTable('scheduled_task_runs', {
  name: text('name').primaryKey(),
  lastStartedAt: timestamp('last_started_at', { withTimezone: true }),
  lastFinishedAt: timestamp('last_finished_at', { withTimezone: true }),
  lastError: text('last_error'),
  lastProcessed: integer('last_processed'),
  runCount: integer('run_count').notNull().default(0),
  nextDueAt: timestamp('next_due_at', { withTimezone: true }).notNull(),
});

/** Process-independent settings, e.g. the demo clock offset set by `workroom clock advance`. */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
