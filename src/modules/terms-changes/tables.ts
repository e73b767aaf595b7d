import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.ts';
import type { ContractTerms } from '../contracts/tables.ts';
import { contracts } from '../contracts/tables.ts';
import type { EscrowRefund, TermsChange } from './change.ts';

export const CHANGE_STATES = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export type ChangeState = (typeof CHANGE_STATES)[number];

/**
 * Proposed changes of a contract's terms. A change takes effect only when the other party
 * accepts it, as the next terms version (contracts module); at most one is pending per contract.
 */
export const termsChanges = pgTable(
  'contract_terms_changes',
  {
    id: uuid('id').primaryKey(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    proposedBy: uuid('proposed_by')
      .notNull()
      .references(() => users.id),
    /** The terms version the change was written against. */
    baseVersion: integer('base_version').notNull(),
    change: jsonb('change').$type<TermsChange>().notNull(),
    /** The terms the change leads to from the base version, and the escrow it returns, as shown when proposed. */
    proposedTerms: jsonb('proposed_terms').$type<ContractTerms>().notNull(),
    refunds: jsonb('refunds').$type<EscrowRefund[]>().notNull(),
    /** Why, in the proposer's words. */
    note: text('note').notNull(),
    state: text('state').$type<ChangeState>().notNull(),
    answeredBy: uuid('answered_by').references(() => users.id),
    declineReason: text('decline_reason'),
    /** The terms version it became, once accepted. */
    resultingVersion: integer('resulting_version'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('contract_terms_changes_one_pending').on(table.contractId).where(sql`${table.state} = 'pending'`),
    index('contract_terms_changes_contract_idx').on(table.contractId, table.createdAt),
    check('contract_terms_changes_state', sql`${table.state} in ('pending', 'accepted', 'declined', 'withdrawn')`),
    check(
      'contract_terms_changes_answer',
      sql`(${table.state} = 'pending') = (${table.answeredAt} is null)
        and (${table.state} = 'accepted') = (${table.resultingVersion} is not null)`,
    ),
  ],
);
