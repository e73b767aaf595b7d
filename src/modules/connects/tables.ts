import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.ts';

/*
 * Connects are counted in the ledger (a guarded `connects` account per user, currency CONNECTS,
 * fed from the platform's Connects pool). These tables add what the ledger cannot know: which
 * grant or purchase each Connect came from and when it expires (lots, spent oldest-expiry first),
 * and a readable history. The verify check holds each user's ledger balance to the sum of lots.
 */

export const CONNECTS_LOT_SOURCES = ['monthly_grant', 'purchase', 'refund'] as const;
export type ConnectsLotSource = (typeof CONNECTS_LOT_SOURCES)[number];

export const CONNECTS_ENTRY_KINDS = ['grant', 'purchase', 'spend', 'refund', 'expire'] as const;
export type ConnectsEntryKind = (typeof CONNECTS_ENTRY_KINDS)[number];

export const connectsLots = pgTable(
  'connects_lots',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    source: text('source').$type<ConnectsLotSource>().notNull(),
    granted: integer('granted').notNull(),
    /** Not yet spent nor expired. */
    remaining: integer('remaining').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Makes each grant happen once: "monthly:<user>:2026-11", "purchase:<charge id>", "refund:<entry>:<lot>". */
    grantKey: text('grant_key').notNull(),
    /** The ledger transfer that credited it (for refund lots, the reversal). */
    transferId: uuid('transfer_id').notNull(),
    chargeId: uuid('charge_id'),
    expiredAt: timestamp('expired_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('connects_lots_grant_key').on(table.grantKey),
    index('connects_lots_user_idx').on(table.userId, table.expiresAt),
    index('connects_lots_expiring_idx').on(table.expiresAt).where(sql`${table.remaining} > 0`),
    check('connects_lots_amounts', sql`${table.granted} > 0 and ${table.remaining} between 0 and ${table.granted}`),
    check('connects_lots_source', sql`${table.source} in ('monthly_grant', 'purchase', 'refund')`),
  ],
);

/** Every change to a user's Connects, for the history page. */
export const connectsEntries = pgTable(
  'connects_entries',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<ConnectsEntryKind>().notNull(),
    /** Signed: positive credits the user. */
    amount: integer('amount').notNull(),
    balanceAfter: integer('balance_after').notNull(),
    lotId: uuid('lot_id'),
    // What the Connects were spent on (no foreign keys: the proposals module builds on this one).
    jobId: uuid('job_id'),
    proposalId: uuid('proposal_id'),
    memo: text('memo').notNull(),
    transferId: uuid('transfer_id').notNull(),
    /** On a spend: the refund entry that gave the Connects back. */
    refundedByEntryId: uuid('refunded_by_entry_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('connects_entries_user_idx').on(table.userId, table.createdAt),
    index('connects_entries_proposal_idx').on(table.proposalId).where(sql`${table.proposalId} is not null`),
    check('connects_entries_amount', sql`${table.amount} <> 0`),
    check('connects_entries_kind', sql`${table.kind} in ('grant', 'purchase', 'spend', 'refund', 'expire')`),
  ],
);

/** Which lots a spend took its Connects from, so that a refund puts them back where they came from. */
export const connectsSpendLots = pgTable(
  'connects_spend_lots',
  {
    entryId: uuid('entry_id')
      .notNull()
      .references(() => connectsEntries.id),
    lotId: uuid('lot_id')
      .notNull()
      .references(() => connectsLots.id),
    amount: integer('amount').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.entryId, table.lotId] }),
    check('connects_spend_lots_amount', sql`${table.amount} > 0`),
  ],
);
