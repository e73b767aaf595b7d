import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.ts';
import { jobs } from '../jobs/tables.ts';

/** The agreed terms, stored whole in each version (the Workroom shows versions and their differences). */
export interface ContractTerms {
  title: string;
  description: string;
  deliverables: { title: string; acceptanceCriteria: string }[];
  type: 'hourly' | 'fixed';
  currency: string;
  /** YYYY-MM-DD */
  startDate: string;
  hourly: { rateCents: number; weeklyLimitHours: number; manualTimeAllowed: boolean } | null;
  fixed: {
    totalCents: number;
    milestones: {
      id: string;
      title: string;
      description: string;
      amountCents: number;
      dueDate: string;
      acceptanceCriteria: string;
    }[];
  } | null;
  /** The fee schedule in force when the terms were agreed. */
  feeScheduleVersion: number;
}

/**
 * A contract between a client and a freelancer, made when the freelancer accepts an offer (its id
 * is the one the offer allocated, so the escrow funded with the offer is already the contract's).
 * Only creation lives here; the lifecycle (submit, approve, end...) belongs to later modules.
 */
export const contracts = pgTable(
  'contracts',
  {
    id: uuid('id').primaryKey(),
    /** The accepted offer (offers builds on this module, so no foreign key). */
    offerId: uuid('offer_id').notNull(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id),
    freelancerId: uuid('freelancer_id')
      .notNull()
      .references(() => users.id),
    jobId: uuid('job_id').references(() => jobs.id),
    proposalId: uuid('proposal_id'),
    title: text('title').notNull(),
    type: text('type').notNull(),
    currency: text('currency').notNull(),
    /** active at creation; later issues add paused, ended... */
    state: text('state').notNull(),
    /** The terms version in force. */
    termsVersion: integer('terms_version').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('contracts_offer_key').on(table.offerId),
    index('contracts_client_idx').on(table.clientId, table.createdAt),
    index('contracts_freelancer_idx').on(table.freelancerId, table.createdAt),
    check('contracts_type', sql`${table.type} in ('hourly', 'fixed')`),
    check('contracts_not_self', sql`${table.clientId} <> ${table.freelancerId}`),
  ],
);

/** Numbered terms: version 1 from the offer; a change takes effect as the next version. */
export const contractTermsVersions = pgTable(
  'contract_terms_versions',
  {
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    version: integer('version').notNull(),
    terms: jsonb('terms').$type<ContractTerms>().notNull(),
    /** Who proposed and who accepted this version (for version 1: the client's offer, the freelancer). */
    proposedBy: uuid('proposed_by').references(() => users.id),
    acceptedBy: uuid('accepted_by').references(() => users.id),
    note: text('note').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.contractId, table.version] }),
    check('contract_terms_version_positive', sql`${table.version} >= 1`),
  ],
);

export const MILESTONE_STATES = [
  'not_funded',
  'funded',
  'submitted',
  'changes_requested',
  'approved',
  'refunded',
] as const;
export type MilestoneState = (typeof MILESTONE_STATES)[number];

/**
 * A fixed-price contract's milestones. The money columns say where its money is: in escrow
 * (`funded - released - refunded`), paid to the freelancer (`released`) or back to the client.
 */
export const contractMilestones = pgTable(
  'contract_milestones',
  {
    id: uuid('id').primaryKey(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    acceptanceCriteria: text('acceptance_criteria').notNull(),
    state: text('state').$type<MilestoneState>().notNull(),
    fundedCents: bigint('funded_cents', { mode: 'number' }).notNull().default(0),
    releasedCents: bigint('released_cents', { mode: 'number' }).notNull().default(0),
    refundedCents: bigint('refunded_cents', { mode: 'number' }).notNull().default(0),
    /** The client marketplace fee paid with the funding. */
    clientFeeCents: bigint('client_fee_cents', { mode: 'number' }).notNull().default(0),
    /** The terms version that added it. */
    termsVersion: integer('terms_version').notNull(),
    fundedAt: timestamp('funded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('contract_milestones_position_key').on(table.contractId, table.position),
    check(
      'contract_milestones_state',
      sql`${table.state} in ('not_funded', 'funded', 'submitted', 'changes_requested', 'approved', 'refunded')`,
    ),
    check(
      'contract_milestones_money',
      sql`${table.amountCents} >= 500 and ${table.fundedCents} >= 0 and ${table.releasedCents} >= 0
        and ${table.refundedCents} >= 0 and ${table.releasedCents} + ${table.refundedCents} <= ${table.fundedCents}`,
    ),
  ],
);
