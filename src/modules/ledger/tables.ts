import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/*
 * The double-entry ledger. Rules that must hold even against buggy code live in the database
 * (drizzle/*_ledger_rules.sql): transfers and postings are immutable, every transfer balances per
 * currency, a posting's currency is its account's, and a guarded balance never goes negative.
 */

const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });

/** Kinds whose balance must never go negative; the database checks `guarded` matches this list. */
export const GUARDED_KINDS_SQL = sql.raw(
  `('client_funding', 'escrow', 'freelancer_pending', 'freelancer_available', 'freelancer_payout_in_flight', 'connects')`,
);

export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: uuid('id').primaryKey(),
    /** user, contract or platform (the platform's owner id is the nil uuid). */
    ownerKind: text('owner_kind').notNull(),
    ownerId: uuid('owner_id').notNull(),
    kind: text('kind').notNull(),
    /** ISO 4217 code, or CONNECTS for the bidding credits. */
    currency: text('currency').notNull(),
    guarded: boolean('guarded').notNull(),
    /**
     * Hot accounts (the platform's) spread their balance over several rows so that concurrent
     * transfers do not queue on one row lock; guarded accounts always have exactly one.
     */
    balanceShards: smallint('balance_shards').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('ledger_accounts_owner_kind_currency_key').on(
      table.ownerKind,
      table.ownerId,
      table.kind,
      table.currency,
    ),
    // Target of the composite foreign key that ties balance rows to the account's guarded flag.
    unique('ledger_accounts_id_guarded_key').on(table.id, table.guarded),
    check('ledger_accounts_currency_format', sql`${table.currency} ~ '^([A-Z]{3}|CONNECTS)$'`),
    check('ledger_accounts_owner_kind_format', sql`${table.ownerKind} ~ '^[a-z][a-z_]{1,30}$'`),
    check('ledger_accounts_kind_format', sql`${table.kind} ~ '^[a-z][a-z_]{1,60}$'`),
    check('ledger_accounts_guarded_kinds', sql`(${table.kind} in ${GUARDED_KINDS_SQL}) = ${table.guarded}`),
    check(
      'ledger_accounts_shards',
      sql`${table.balanceShards} between 1 and 64 and (not ${table.guarded} or ${table.balanceShards} = 1)`,
    ),
  ],
);

export const ledgerTransfers = pgTable(
  'ledger_transfers',
  {
    id: uuid('id').primaryKey(),
    /** Unique in the database: posting the same key twice returns the first transfer. */
    idempotencyKey: text('idempotency_key').notNull(),
    /** A stable machine code such as "escrow.release" or "ledger.reversal". */
    reason: text('reason').notNull(),
    // What caused the transfer. No foreign keys: those tables belong to later modules, and a
    // transfer outlives whatever it references.
    contractId: uuid('contract_id'),
    milestoneId: uuid('milestone_id'),
    timesheetId: uuid('timesheet_id'),
    withdrawalId: uuid('withdrawal_id'),
    disputeId: uuid('dispute_id'),
    chargeId: uuid('charge_id'),
    userId: uuid('user_id'),
    /** Anything else worth keeping (gateway ids, fee schedule version...). */
    extra: jsonb('extra').$type<Record<string, unknown>>(),
    reversesTransferId: uuid('reverses_transfer_id'),
    memo: text('memo'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** The writing transaction: postings may only be added to a transfer in the transaction that created it. */
    createdTxid: xid8('created_txid').notNull().default(sql`pg_current_xact_id()`),
  },
  (table) => [
    uniqueIndex('ledger_transfers_idempotency_key').on(table.idempotencyKey),
    // A transfer is reversed at most once.
    // Partial: most transfers reverse nothing and need no entry here.
    uniqueIndex('ledger_transfers_reverses_key')
      .on(table.reversesTransferId)
      .where(sql`${table.reversesTransferId} is not null`),
    index('ledger_transfers_created_idx').on(table.createdAt, table.id),
    index('ledger_transfers_contract_idx').on(table.contractId).where(sql`${table.contractId} is not null`),
    foreignKey({ columns: [table.reversesTransferId], foreignColumns: [table.id] }).onDelete('restrict'),
    check('ledger_transfers_key_length', sql`length(${table.idempotencyKey}) between 1 and 300`),
    check('ledger_transfers_reason_format', sql`${table.reason} ~ '^[a-z][a-z0-9_.]{1,60}$'`),
    check('ledger_transfers_memo_length', sql`length(${table.memo}) <= 500`),
  ],
);

export const ledgerPostings = pgTable(
  'ledger_postings',
  {
    /** Increasing in commit order per account (taken under the account's row lock): statement order. */
    id: bigint('id', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    // No foreign keys on purpose: the statement-level trigger ledger_postings_check_refs checks the
    // transfer and the account (with its currency) in one query, without the FOR KEY SHARE lock a
    // foreign key would take on the hot platform account row for every posting.
    transferId: uuid('transfer_id').notNull(),
    accountId: uuid('account_id').notNull(),
    currency: text('currency').notNull(),
    /** Signed: positive adds to the account's balance, negative takes from it. */
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    /** The account's balance right after this posting (single-row accounts only): running balances for statements. */
    balanceAfterCents: bigint('balance_after_cents', { mode: 'number' }),
  },
  (table) => [
    primaryKey({ name: 'ledger_postings_pkey', columns: [table.accountId, table.id] }),
    uniqueIndex('ledger_postings_transfer_account_key').on(table.transferId, table.accountId),
    check('ledger_postings_amount_not_zero', sql`${table.amountCents} <> 0`),
  ],
);

/**
 * Materialized balances, written in the same transaction as the postings. An account's balance is
 * the sum of its rows (one row unless the account is sharded).
 */
export const ledgerBalances = pgTable(
  'ledger_balances',
  {
    accountId: uuid('account_id').notNull(),
    shard: smallint('shard').notNull(),
    /** Copied from the account (a foreign key keeps it equal) so that a CHECK can use it. */
    guarded: boolean('guarded').notNull(),
    balanceCents: bigint('balance_cents', { mode: 'number' }).notNull().default(sql`0`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.accountId, table.shard] }),
    foreignKey({
      name: 'ledger_balances_account_guarded_fk',
      columns: [table.accountId, table.guarded],
      foreignColumns: [ledgerAccounts.id, ledgerAccounts.guarded],
    }).onDelete('restrict'),
    check('ledger_balances_guarded_not_negative', sql`not ${table.guarded} or ${table.balanceCents} >= 0`),
    check('ledger_balances_shard_range', sql`${table.shard} >= 0 and (not ${table.guarded} or ${table.shard} = 0)`),
  ],
);
