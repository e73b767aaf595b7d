import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.ts';
import { jobs } from '../jobs/tables.ts';

export interface ProposedMilestone {
  title: string;
  amountCents: number;
  /** YYYY-MM-DD, or null. */
  dueDate: string | null;
}

export interface ScreeningAnswer {
  question: string;
  answer: string;
}

/**
 * A freelancer's proposal for a job: one per freelancer and job. `client_id` is copied from the
 * job so that a client's reads are scoped by a column of this table (rows of other clients are
 * never loaded).
 */
export const proposals = pgTable(
  'proposals',
  {
    id: uuid('id').primaryKey(),
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id),
    freelancerId: uuid('freelancer_id')
      .notNull()
      .references(() => users.id),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id),
    /** See transitions.ts. */
    state: text('state').notNull(),
    coverLetter: text('cover_letter').notNull(),
    /** hourly (bid = rate per hour) or fixed (bid = the whole amount), as the job's type. */
    bidType: text('bid_type').notNull(),
    currency: text('currency').notNull(),
    bidCents: bigint('bid_cents', { mode: 'number' }).notNull(),
    milestones: jsonb('milestones').$type<ProposedMilestone[]>().notNull(),
    estimatedDuration: text('estimated_duration').notNull(),
    answers: jsonb('answers').$type<ScreeningAnswer[]>().notNull(),
    attachmentIds: uuid('attachment_ids').array().notNull(),
    /** 0 when it answered an invitation. */
    connectsSpent: integer('connects_spent').notNull(),
    /** The Connects spend entry (connects module), for the refund when the job closes unfilled. */
    connectsEntryId: uuid('connects_entry_id'),
    invited: boolean('invited').notNull(),
    /** 0..100 at submission: skill overlap with the job, then rate fit ("best match" sort). */
    matchScore: smallint('match_score').notNull(),
    declineReason: text('decline_reason'),
    /** The offer made from this proposal and still awaiting an answer (set by the offers module). */
    pendingOfferId: uuid('pending_offer_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    stateChangedAt: timestamp('state_changed_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('proposals_job_freelancer_key').on(table.jobId, table.freelancerId),
    index('proposals_freelancer_idx').on(table.freelancerId, table.createdAt),
    index('proposals_job_idx').on(table.jobId, table.createdAt),
    index('proposals_client_idx').on(table.clientId),
    check(
      'proposals_state',
      sql`${table.state} in ('submitted', 'shortlisted', 'archived', 'interviewing', 'declined', 'withdrawn', 'hired')`,
    ),
    check('proposals_bid_type', sql`${table.bidType} in ('hourly', 'fixed')`),
    check('proposals_bid_positive', sql`${table.bidCents} > 0`),
    check('proposals_connects', sql`${table.connectsSpent} >= 0`),
    check('proposals_declined_reason', sql`(${table.state} = 'declined') = (${table.declineReason} is not null)`),
    check('proposals_not_self', sql`${table.freelancerId} <> ${table.clientId}`),
  ],
);
