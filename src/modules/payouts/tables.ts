import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.ts';
import type { PayoutMethodDetails } from './payout-method-types.ts';

export type PayoutMethodType = 'local_bank' | 'us_bank_ach' | 'wire' | 'paypal' | 'payoneer';
export type WithdrawalState = 'in_flight' | 'completed' | 'failed';
export type WithdrawalFrequency = 'weekly' | 'twice_monthly' | 'monthly';
export type EarningKind = 'fixed_price' | 'hourly' | 'bonus' | 'other';
export type EarningState = 'pending' | 'available';

/**
 * Where a freelancer's money goes. Only masked details are kept (`details`); the payout processor
 * holds the full account behind `processor_token`. A new method is usable from `usable_at` (a
 * hold against account takeover). Removed methods stay, since withdrawals point at them.
 */
export const payoutMethods = pgTable(
  'payout_methods',
  {
    id: uuid('id').primaryKey(),
    freelancerId: uuid('freelancer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    type: text('type').$type<PayoutMethodType>().notNull(),
    /** e.g. "PayPal · j•••@example.com", "Chase ····6789". */
    label: text('label').notNull(),
    details: jsonb('details').$type<PayoutMethodDetails>().notNull(),
    processorToken: text('processor_token').notNull(),
    usableAt: timestamp('usable_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (table) => [
    index('payout_methods_freelancer_idx').on(table.freelancerId, table.createdAt),
    check('payout_methods_type', sql`${table.type} in ('local_bank', 'us_bank_ach', 'wire', 'paypal', 'payoneer')`),
    check('payout_methods_hold', sql`${table.usableAt} >= ${table.createdAt}`),
  ],
);

/**
 * Money leaving Workroom. `amount_cents` leaves the freelancer's available balance; `fee_cents` of
 * it is the payout fee (platform revenue) and the rest is what the processor sends. Started with
 * its ledger transfer (available -> in flight) in one transaction; settled by the processor to
 * completed (in flight -> payout clearing) or failed (the start transfer reversed).
 */
export const withdrawals = pgTable(
  'withdrawals',
  {
    id: uuid('id').primaryKey(),
    freelancerId: uuid('freelancer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    payoutMethodId: uuid('payout_method_id')
      .notNull()
      .references(() => payoutMethods.id, { onDelete: 'restrict' }),
    currency: text('currency').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    feeCents: bigint('fee_cents', { mode: 'number' }).notNull(),
    state: text('state').$type<WithdrawalState>().notNull(),
    /** The caller's key (or the schedule's, for scheduled runs): one withdrawal per key, for ever. */
    idempotencyKey: text('idempotency_key').notNull(),
    scheduleId: uuid('schedule_id'),
    /** The key the payout processor knows this payout by. */
    processorKey: text('processor_key').notNull(),
    processorPayoutId: text('processor_payout_id'),
    /** Null only inside the creating transaction (the row is written first to claim the key). */
    startTransferId: uuid('start_transfer_id'),
    settleTransferId: uuid('settle_transfer_id'),
    failureCode: text('failure_code'),
    failureMessage: text('failure_message'),
    /** When the money should arrive: creation plus the method's processing delay. */
    expectedAt: timestamp('expected_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('withdrawals_freelancer_key').on(table.freelancerId, table.idempotencyKey),
    uniqueIndex('withdrawals_processor_key').on(table.processorKey),
    index('withdrawals_freelancer_idx').on(table.freelancerId, table.createdAt),
    index('withdrawals_in_flight_idx').on(table.expectedAt).where(sql`${table.state} = 'in_flight'`),
    check('withdrawals_state', sql`${table.state} in ('in_flight', 'completed', 'failed')`),
    check(
      'withdrawals_amounts',
      sql`${table.amountCents} > 0 and ${table.feeCents} >= 0 and ${table.feeCents} < ${table.amountCents}`,
    ),
    check('withdrawals_currency', sql`${table.currency} ~ '^[A-Z]{3}$'`),
    // Settled exactly when it has its settling transfer.
    check('withdrawals_settled', sql`(${table.state} = 'in_flight') = (${table.settleTransferId} is null)`),
  ],
);

/** A freelancer's standing instruction to withdraw on a rhythm (one per freelancer). */
export const withdrawalSchedules = pgTable(
  'withdrawal_schedules',
  {
    id: uuid('id').primaryKey(),
    freelancerId: uuid('freelancer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    payoutMethodId: uuid('payout_method_id')
      .notNull()
      .references(() => payoutMethods.id, { onDelete: 'restrict' }),
    frequency: text('frequency').$type<WithdrawalFrequency>().notNull(),
    currency: text('currency').notNull(),
    /** Withdraw only when the available balance is at least this much. */
    thresholdCents: bigint('threshold_cents', { mode: 'number' }).notNull(),
    /** Keep this much in the available balance. */
    leaveCents: bigint('leave_cents', { mode: 'number' }).notNull(),
    nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
    lastRunAt: timestamp('last_run_at', { withTimezone: true }),
    /** What the last run did, in words ("Withdrew $120.00", "Skipped: below your $500.00 threshold"). */
    lastOutcome: text('last_outcome'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('withdrawal_schedules_freelancer_key').on(table.freelancerId),
    index('withdrawal_schedules_due_idx').on(table.nextRunAt),
    check('withdrawal_schedules_frequency', sql`${table.frequency} in ('weekly', 'twice_monthly', 'monthly')`),
    check('withdrawal_schedules_amounts', sql`${table.thresholdCents} >= 0 and ${table.leaveCents} >= 0`),
  ],
);

/**
 * Money earned and credited to the freelancer's pending balance by `credit_transfer_id`, which
 * becomes available at `available_at` (the end of its security period) when the
 * `release-pending-earnings` task moves it with `release_transfer_id`.
 */
export const earnings = pgTable(
  'earnings',
  {
    id: uuid('id').primaryKey(),
    freelancerId: uuid('freelancer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    clientId: uuid('client_id'),
    contractId: uuid('contract_id'),
    kind: text('kind').$type<EarningKind>().notNull(),
    description: text('description').notNull(),
    currency: text('currency').notNull(),
    /** What reached the pending balance (after the service fee). */
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    state: text('state').$type<EarningState>().notNull(),
    creditTransferId: uuid('credit_transfer_id').notNull(),
    releaseTransferId: uuid('release_transfer_id'),
    availableAt: timestamp('available_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    releasedAt: timestamp('released_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('earnings_credit_transfer_key').on(table.creditTransferId),
    index('earnings_freelancer_idx').on(table.freelancerId, table.createdAt),
    index('earnings_due_idx').on(table.availableAt).where(sql`${table.state} = 'pending'`),
    check('earnings_kind', sql`${table.kind} in ('fixed_price', 'hourly', 'bonus', 'other')`),
    check('earnings_state', sql`${table.state} in ('pending', 'available')`),
    check('earnings_amount_positive', sql`${table.amountCents} > 0`),
    check('earnings_released', sql`(${table.state} = 'available') = (${table.releaseTransferId} is not null)`),
  ],
);

/*
 * The sandbox payout processor's own state: what PayPal, a bank or Payoneer keep on their side.
 * Only the sandbox processor reads these tables (and `workroom verify`, through it).
 */

export const sandboxPayoutAccounts = pgTable('sandbox_payout_accounts', {
  token: text('token').primaryKey(),
  type: text('type').$type<PayoutMethodType>().notNull(),
  /** Masked, never the full account number. */
  display: text('display').notNull(),
  /** `succeed`, or `return` (the receiving bank sends every payout back). */
  behaviour: text('behaviour').$type<'succeed' | 'return'>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const sandboxPayouts = pgTable(
  'sandbox_payouts',
  {
    id: text('id').primaryKey(),
    idempotencyKey: text('idempotency_key').notNull(),
    accountToken: text('account_token').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    status: text('status').$type<'processing' | 'paid' | 'failed'>().notNull(),
    failureCode: text('failure_code'),
    arrivesAt: timestamp('arrives_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [uniqueIndex('sandbox_payouts_key').on(table.idempotencyKey)],
);
