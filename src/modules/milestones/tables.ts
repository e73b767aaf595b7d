import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.ts';
import { contractMilestones, contracts } from '../contracts/tables.ts';

/*
 * The fixed-price lifecycle's own tables. Milestone state and money stay in the contracts
 * module's `contract_milestones` (this module is the only writer of their lifecycle columns);
 * these tables keep what happened around them: submissions, payments and their refunds, escrow
 * carried from one milestone to the next, and the ending of a contract.
 */

/** One check of a submission against one acceptance criterion of the milestone. */
export interface DeliverableCheck {
  criterion: string;
  met: boolean;
  note: string;
}

export const SUBMISSION_OUTCOMES = ['pending', 'changes_requested', 'approved', 'closed'] as const;
export type SubmissionOutcome = (typeof SUBMISSION_OUTCOMES)[number];

/**
 * Work submitted for a milestone, one row per round. A pending submission is what the client
 * reviews; `review_due_at` is when it approves itself if the client says nothing.
 */
export const milestoneSubmissions = pgTable(
  'milestone_submissions',
  {
    id: uuid('id').primaryKey(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    milestoneId: uuid('milestone_id')
      .notNull()
      .references(() => contractMilestones.id),
    /** 1 for the first submission, 2 after the first change request... */
    round: integer('round').notNull(),
    submittedBy: uuid('submitted_by')
      .notNull()
      .references(() => users.id),
    message: text('message').notNull(),
    /** Uploads attached with owner kind `submission`, in the order given. */
    fileIds: jsonb('file_ids').$type<string[]>().notNull(),
    deliverables: jsonb('deliverables').$type<DeliverableCheck[]>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    reviewDueAt: timestamp('review_due_at', { withTimezone: true }).notNull(),
    outcome: text('outcome').$type<SubmissionOutcome>().notNull(),
    /** What must change (a change request), or the client's note with an approval. */
    responseNote: text('response_note'),
    /** Null with an outcome: the platform decided (automatic approval, contract ended). */
    respondedBy: uuid('responded_by').references(() => users.id),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('milestone_submissions_round_key').on(table.milestoneId, table.round),
    uniqueIndex('milestone_submissions_one_pending').on(table.milestoneId).where(sql`${table.outcome} = 'pending'`),
    index('milestone_submissions_review_due_idx').on(table.reviewDueAt).where(sql`${table.outcome} = 'pending'`),
    index('milestone_submissions_contract_idx').on(table.contractId, table.submittedAt),
    check(
      'milestone_submissions_outcome',
      sql`${table.outcome} in ('pending', 'changes_requested', 'approved', 'closed')`,
    ),
    check('milestone_submissions_round', sql`${table.round} >= 1`),
    check('milestone_submissions_responded', sql`(${table.outcome} = 'pending') = (${table.respondedAt} is null)`),
  ],
);

export const PAYMENT_KINDS = ['milestone', 'bonus'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

/**
 * Money paid to the freelancer under a contract: a milestone release or a bonus. `gross` left the
 * client's money, `service_fee` went to the platform, `net` reached the freelancer's pending
 * earnings. Refunds by the freelancer count up `refunded_cents` (see payment_refunds).
 */
export const contractPayments = pgTable(
  'contract_payments',
  {
    id: uuid('id').primaryKey(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    milestoneId: uuid('milestone_id').references(() => contractMilestones.id),
    kind: text('kind').$type<PaymentKind>().notNull(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id),
    freelancerId: uuid('freelancer_id')
      .notNull()
      .references(() => users.id),
    currency: text('currency').notNull(),
    grossCents: bigint('gross_cents', { mode: 'number' }).notNull(),
    serviceFeeCents: bigint('service_fee_cents', { mode: 'number' }).notNull(),
    netCents: bigint('net_cents', { mode: 'number' }).notNull(),
    /** The client marketplace fee paid with it (bonuses; a milestone's was paid when funded). */
    clientFeeCents: bigint('client_fee_cents', { mode: 'number' }).notNull(),
    feeScheduleVersion: integer('fee_schedule_version').notNull(),
    /** The ledger transfer that credited the freelancer (an `escrow.release`). */
    transferId: uuid('transfer_id').notNull(),
    /** Null: paid by the platform (an automatic approval). */
    paidBy: uuid('paid_by').references(() => users.id),
    note: text('note').notNull(),
    refundedCents: bigint('refunded_cents', { mode: 'number' }).notNull().default(0),
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('contract_payments_transfer_key').on(table.transferId),
    index('contract_payments_contract_idx').on(table.contractId, table.paidAt),
    index('contract_payments_client_idx').on(table.clientId),
    check('contract_payments_kind', sql`${table.kind} in ('milestone', 'bonus')`),
    check(
      'contract_payments_money',
      sql`${table.grossCents} > 0 and ${table.serviceFeeCents} >= 0 and ${table.netCents} >= 0
        and ${table.serviceFeeCents} + ${table.netCents} = ${table.grossCents} and ${table.clientFeeCents} >= 0
        and ${table.refundedCents} >= 0 and ${table.refundedCents} <= ${table.grossCents}`,
    ),
    check('contract_payments_milestone', sql`(${table.kind} = 'milestone') = (${table.milestoneId} is not null)`),
  ],
);

/**
 * A refund the freelancer gave from a payment: `amount` reaches the client's funds, of which
 * `fee_share` is the service fee the platform gives back and `net_share` comes from the freelancer.
 */
export const paymentRefunds = pgTable(
  'payment_refunds',
  {
    id: uuid('id').primaryKey(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => contractPayments.id),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    feeShareCents: bigint('fee_share_cents', { mode: 'number' }).notNull(),
    netShareCents: bigint('net_share_cents', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    transferId: uuid('transfer_id').notNull(),
    refundedBy: uuid('refunded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('payment_refunds_transfer_key').on(table.transferId),
    index('payment_refunds_payment_idx').on(table.paymentId),
    check(
      'payment_refunds_money',
      sql`${table.amountCents} > 0 and ${table.feeShareCents} >= 0 and ${table.netShareCents} >= 0
        and ${table.feeShareCents} + ${table.netShareCents} = ${table.amountCents}`,
    ),
  ],
);

/**
 * Escrow left over by a partial approval and applied to a later milestone when it was funded:
 * `amount` moved from `from_milestone_id`'s funding to `to_milestone_id`'s.
 */
export const milestoneCarries = pgTable(
  'milestone_carries',
  {
    id: uuid('id').primaryKey(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id),
    fromMilestoneId: uuid('from_milestone_id')
      .notNull()
      .references(() => contractMilestones.id),
    toMilestoneId: uuid('to_milestone_id')
      .notNull()
      .references(() => contractMilestones.id),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('milestone_carries_contract_idx').on(table.contractId),
    check('milestone_carries_amount', sql`${table.amountCents} > 0`),
  ],
);

export const ENDING_STATES = ['awaiting_freelancer', 'refunded', 'disputed', 'closed'] as const;
export type EndingState = (typeof ENDING_STATES)[number];

/**
 * The end of a contract, asked for by either party. With money in escrow the freelancer answers
 * whether it goes back to the client (`respond_by` is when silence counts as yes).
 */
export const contractEndings = pgTable(
  'contract_endings',
  {
    contractId: uuid('contract_id')
      .primaryKey()
      .references(() => contracts.id),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    respondBy: timestamp('respond_by', { withTimezone: true }).notNull(),
    /** Unreleased escrow when the end was asked for. */
    escrowCents: bigint('escrow_cents', { mode: 'number' }).notNull(),
    state: text('state').$type<EndingState>().notNull(),
    agreedToRefund: boolean('agreed_to_refund'),
    /** Null with an answer: no answer came in time. */
    respondedBy: uuid('responded_by').references(() => users.id),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    responseNote: text('response_note'),
    refundTransferId: uuid('refund_transfer_id'),
    refundedCents: bigint('refunded_cents', { mode: 'number' }).notNull().default(0),
  },
  (table) => [
    index('contract_endings_due_idx').on(table.respondBy).where(sql`${table.state} = 'awaiting_freelancer'`),
    check('contract_endings_state', sql`${table.state} in ('awaiting_freelancer', 'refunded', 'disputed', 'closed')`),
    check('contract_endings_money', sql`${table.escrowCents} >= 0 and ${table.refundedCents} >= 0`),
  ],
);
