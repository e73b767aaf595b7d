import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.ts';
import { contracts } from '../contracts/tables.ts';

export const TASK_STATES = ['todo', 'in_progress', 'done'] as const;
export type TaskState = (typeof TASK_STATES)[number];

/**
 * A contract's task board. Rows change freely (the board is a working tool); the contract record
 * keeps the history of every change.
 */
export const contractTasks = pgTable(
  'contract_tasks',
  {
    id: uuid('id').primaryKey(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** Either party of the contract, or nobody yet. */
    assigneeId: uuid('assignee_id').references(() => users.id),
    /** YYYY-MM-DD */
    dueDate: date('due_date', { mode: 'string' }),
    state: text('state').$type<TaskState>().notNull(),
    /** A milestone of the same contract (checked through the contracts module, no foreign key). */
    milestoneId: uuid('milestone_id'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('contract_tasks_contract_idx').on(table.contractId, table.createdAt),
    check('contract_tasks_state', sql`${table.state} in ('todo', 'in_progress', 'done')`),
    check('contract_tasks_title', sql`char_length(${table.title}) between 1 and 200`),
  ],
);
