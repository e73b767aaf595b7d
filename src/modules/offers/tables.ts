import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
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
import { jobs } from '../jobs/tables.ts';
import { proposals } from '../proposals/tables.ts';

export interface OfferDeliverable {
  title: string;
  acceptanceCriteria: string;
}

/** A milestone as offered. Its id is chosen when the offer is made and kept by the contract. */
export interface OfferMilestone {
  id: string;
  title: string;
  description: string;
  amountCents: number;
  /** YYYY-MM-DD */
  dueDate: string;
  acceptanceCriteria: string;
  /** Paid into escrow when the offer was sent. */
  funded: boolean;
}

/**
 * A client's offer to a freelancer. `contract_id` is allocated when the offer is made: a funded
 * fixed-price offer's money waits in that contract's escrow account (the ledger knows accounts by
 * owner id), and accepting the offer creates the contract under that same id, so nothing is
 * re-pointed. Declined, withdrawn and expired offers return the escrow to the client's funding.
 */
export const offers = pgTable(
  'offers',
  {
    id: uuid('id').primaryKey(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id),
    freelancerId: uuid('freelancer_id')
      .notNull()
      .references(() => users.id),
    jobId: uuid('job_id').references(() => jobs.id),
    proposalId: uuid('proposal_id').references(() => proposals.id),
    contractId: uuid('contract_id').notNull(),
    /** See transitions.ts. */
    state: text('state').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    deliverables: jsonb('deliverables').$type<OfferDeliverable[]>().notNull(),
    type: text('type').notNull(),
    currency: text('currency').notNull(),
    hourlyRateCents: bigint('hourly_rate_cents', { mode: 'number' }),
    weeklyLimitHours: integer('weekly_limit_hours'),
    manualTimeAllowed: boolean('manual_time_allowed'),
    totalCents: bigint('total_cents', { mode: 'number' }),
    milestones: jsonb('milestones').$type<OfferMilestone[]>().notNull(),
    /** Paid into escrow when sent (fixed price), and the client marketplace fee paid on it. */
    fundedCents: bigint('funded_cents', { mode: 'number' }).notNull(),
    clientFeeCents: bigint('client_fee_cents', { mode: 'number' }).notNull(),
    feeScheduleVersion: integer('fee_schedule_version').notNull(),
    fundingTransferId: uuid('funding_transfer_id'),
    refundTransferId: uuid('refund_transfer_id'),
    /** The top-up charge when the client's funding balance did not cover the funding. */
    chargeId: uuid('charge_id'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    keepJobOpen: boolean('keep_job_open').notNull(),
    message: text('message').notNull(),
    declineReason: text('decline_reason'),
    /** The Idempotency-Key of the request that made it, and a hash of that request. */
    requestKey: text('request_key').notNull(),
    requestHash: text('request_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('offers_contract_key').on(table.contractId),
    uniqueIndex('offers_request_key').on(table.clientId, table.requestKey),
    index('offers_client_idx').on(table.clientId, table.createdAt),
    index('offers_freelancer_idx').on(table.freelancerId, table.createdAt),
    index('offers_pending_expiry_idx').on(table.expiresAt).where(sql`${table.state} = 'pending'`),
    check('offers_state', sql`${table.state} in ('pending', 'accepted', 'declined', 'withdrawn', 'expired')`),
    check('offers_not_self', sql`${table.clientId} <> ${table.freelancerId}`),
    check(
      'offers_terms_match_type',
      sql`(${table.type} = 'hourly' and ${table.hourlyRateCents} > 0 and ${table.weeklyLimitHours} is not null
            and ${table.manualTimeAllowed} is not null and ${table.totalCents} is null and ${table.fundedCents} = 0)
        or (${table.type} = 'fixed' and ${table.totalCents} > 0 and ${table.hourlyRateCents} is null)`,
    ),
    check('offers_funding', sql`${table.fundedCents} >= 0 and ${table.clientFeeCents} >= 0`),
    check('offers_declined_reason', sql`(${table.state} = 'declined') = (${table.declineReason} is not null)`),
  ],
);
