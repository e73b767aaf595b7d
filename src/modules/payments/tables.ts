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
import type { ChargeRefs } from './charge.ts';

export type BillingMethodType = 'card' | 'paypal' | 'bank_account';
export type BillingMethodStatus = 'verified' | 'pending_verification' | 'locked';
export type ChargeState = 'pending' | 'succeeded' | 'failed' | 'voided';

/**
 * A client's ways to pay. Only what can be shown is kept (card brand, last 4, expiry; a masked
 * bank account); the gateway holds the rest behind `gateway_token`. Removed methods stay (charges
 * point at them) with `removed_at` set.
 */
export const billingMethods = pgTable(
  'billing_methods',
  {
    id: uuid('id').primaryKey(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').$type<BillingMethodType>().notNull(),
    status: text('status').$type<BillingMethodStatus>().notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    gatewayToken: text('gateway_token').notNull(),
    cardBrand: text('card_brand'),
    cardLast4: text('card_last4'),
    cardExpMonth: smallint('card_exp_month'),
    cardExpYear: smallint('card_exp_year'),
    holderName: text('holder_name'),
    paypalEmail: text('paypal_email'),
    bankRoutingNumber: text('bank_routing_number'),
    bankAccountLast4: text('bank_account_last4'),
    /** Wrong micro-deposit guesses so far (3 lock the account). */
    verificationAttempts: smallint('verification_attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (table) => [
    index('billing_methods_client_idx').on(table.clientId, table.createdAt),
    uniqueIndex('billing_methods_one_default')
      .on(table.clientId)
      .where(sql`${table.isDefault} and ${table.removedAt} is null`),
    check('billing_methods_type', sql`${table.type} in ('card', 'paypal', 'bank_account')`),
    check('billing_methods_status', sql`${table.status} in ('verified', 'pending_verification', 'locked')`),
    check('billing_methods_card_last4', sql`${table.cardLast4} is null or ${table.cardLast4} ~ '^[0-9]{4}$'`),
    check(
      'billing_methods_bank_last4',
      sql`${table.bankAccountLast4} is null or ${table.bankAccountLast4} ~ '^[0-9]{4}$'`,
    ),
  ],
);

/**
 * Money a client paid in through the gateway. Created `pending` before the gateway is called and
 * settled after, so a crash in between leaves a row the recovery task can finish: the gateway
 * call is idempotent by `gateway_key`, and the ledger transfer by a key derived from the id.
 */
export const paymentCharges = pgTable(
  'payment_charges',
  {
    id: uuid('id').primaryKey(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    billingMethodId: uuid('billing_method_id')
      .notNull()
      .references(() => billingMethods.id, { onDelete: 'restrict' }),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    /** Why the client paid: "add_funds", "escrow_funding"... */
    purpose: text('purpose').notNull(),
    state: text('state').$type<ChargeState>().notNull(),
    /** The caller's key: the same key for the same client returns the same charge. */
    idempotencyKey: text('idempotency_key').notNull(),
    /** The key the gateway knows this charge by. */
    gatewayKey: text('gateway_key').notNull(),
    gatewayChargeId: text('gateway_charge_id'),
    /** Fee schedule version in force when the fees in this charge were computed (null: no fee). */
    feeScheduleVersion: integer('fee_schedule_version'),
    /** Part of the amount that is the client marketplace fee (goes to platform revenue). */
    feeCents: bigint('fee_cents', { mode: 'number' }).notNull().default(sql`0`),
    refs: jsonb('refs').$type<ChargeRefs>().notNull(),
    ledgerTransferId: uuid('ledger_transfer_id'),
    failureCode: text('failure_code'),
    failureMessage: text('failure_message'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('payment_charges_client_key').on(table.clientId, table.idempotencyKey),
    uniqueIndex('payment_charges_gateway_key').on(table.gatewayKey),
    index('payment_charges_client_idx').on(table.clientId, table.createdAt),
    index('payment_charges_pending_idx').on(table.createdAt).where(sql`${table.state} = 'pending'`),
    check('payment_charges_state', sql`${table.state} in ('pending', 'succeeded', 'failed', 'voided')`),
    check('payment_charges_amount_positive', sql`${table.amountCents} > 0`),
    check('payment_charges_fee_range', sql`${table.feeCents} >= 0 and ${table.feeCents} < ${table.amountCents}`),
    check('payment_charges_currency', sql`${table.currency} ~ '^[A-Z]{3}$'`),
    // A succeeded charge always has its ledger transfer, and only a succeeded one does.
    check(
      'payment_charges_transfer_iff_succeeded',
      sql`(${table.state} = 'succeeded') = (${table.ledgerTransferId} is not null)`,
    ),
  ],
);

/*
 * The sandbox gateway's own state: what a real processor would keep on its side. Nothing in
 * Workroom reads these tables except the sandbox gateway itself (and `workroom verify`, through
 * it, to reconcile gateway clearing).
 */

export const sandboxGatewayMethods = pgTable('sandbox_gateway_methods', {
  token: text('token').primaryKey(),
  type: text('type').$type<BillingMethodType>().notNull(),
  /** How the sandbox answers checks and charges on it: succeed, decline, decline_charges, insufficient_funds, processing_error_once. */
  behaviour: text('behaviour').notNull(),
  /** Masked, never the full number. */
  display: text('display').notNull(),
  /** ACH only: the two micro-deposits the account owner must confirm. */
  microDepositsCents: integer('micro_deposits_cents').array(),
  verified: boolean('verified').notNull(),
  failedVerifications: smallint('failed_verifications').notNull().default(0),
  locked: boolean('locked').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const sandboxGatewayCharges = pgTable(
  'sandbox_gateway_charges',
  {
    id: text('id').primaryKey(),
    idempotencyKey: text('idempotency_key').notNull(),
    methodToken: text('method_token'),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    /** `processing_error` is transient: a retry with the same key tries again. */
    status: text('status').$type<'succeeded' | 'failed' | 'voided' | 'processing_error'>().notNull(),
    failureCode: text('failure_code'),
    attempts: integer('attempts').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [uniqueIndex('sandbox_gateway_charges_key').on(table.idempotencyKey)],
);
