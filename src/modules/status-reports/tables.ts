import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.ts';
import { contracts } from '../contracts/tables.ts';

/** One milestone's progress as the freelancer reported it (the title as it was that week). */
export interface ReportedProgress {
  milestoneId: string;
  title: string;
  percent: number;
}

/**
 * The freelancer's weekly status reports on fixed-price contracts (Elance). Reports are part of
 * the contract's history, so they are never edited (a database trigger refuses UPDATE and DELETE):
 * a correction is a new report for the same week that names the one it corrects. Each week has
 * one original report, and each report is corrected at most once, so a week's reports form a line.
 */
export const statusReports = pgTable(
  'status_reports',
  {
    id: uuid('id').primaryKey(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    freelancerId: uuid('freelancer_id')
      .notNull()
      .references(() => users.id),
    /** The Monday (UTC) of the ISO week reported on. */
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    correctsReportId: uuid('corrects_report_id').references((): AnyPgColumn => statusReports.id),
    progress: jsonb('progress').$type<ReportedProgress[]>().notNull(),
    plans: text('plans').notNull(),
    blockers: text('blockers').notNull(),
    /** Milestones this report submitted for approval (those it marked 100%). */
    submittedMilestoneIds: jsonb('submitted_milestone_ids').$type<string[]>().notNull(),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('status_reports_one_per_week')
      .on(table.contractId, table.weekStart)
      .where(sql`${table.correctsReportId} is null`),
    uniqueIndex('status_reports_corrected_once').on(table.correctsReportId),
    index('status_reports_contract_idx').on(table.contractId, table.filedAt),
    check('status_reports_week_is_monday', sql`extract(isodow from ${table.weekStart}) = 1`),
    check('status_reports_text', sql`char_length(${table.plans}) <= 5000 and char_length(${table.blockers}) <= 5000`),
  ],
);

/** The reminders sent for a missing week's report: one per contract and week, whatever the retries. */
export const statusReportReminders = pgTable(
  'status_report_reminders',
  {
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.contractId, table.weekStart] })],
);
