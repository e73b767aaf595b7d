import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.ts';
import type { JsonValue } from './canonical.ts';

/**
 * The official record of a contract: an append-only hash chain (see canonical.ts). Database
 * triggers (custom migration) refuse UPDATE, DELETE and TRUNCATE, and refuse an insert that does
 * not continue the chain (seq = last + 1, prev_hash = last hash), so no code path can rewrite or
 * fork it. No foreign key to contracts: an entry may be recorded in the transaction that creates
 * the contract, in whatever order the creating module writes.
 */
export const contractRecordEntries = pgTable(
  'contract_record_entries',
  {
    contractId: uuid('contract_id').notNull(),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    summary: text('summary').notNull(),
    data: jsonb('data').$type<JsonValue>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.contractId, table.seq] }),
    check('contract_record_entries_seq', sql`${table.seq} >= 1`),
    check('contract_record_entries_kind', sql`${table.kind} ~ '^[a-z_]+\\.[a-z_]+$'`),
    check(
      'contract_record_entries_hashes',
      sql`${table.hash} ~ '^[0-9a-f]{64}$' and ${table.prevHash} ~ '^[0-9a-f]{64}$'`,
    ),
  ],
);

/**
 * The head of each contract's chain. Appends lock this row, so appends to one contract run one
 * at a time (and appends to different contracts never wait for each other).
 */
export const contractRecordHeads = pgTable(
  'contract_record_heads',
  {
    contractId: uuid('contract_id').primaryKey(),
    seq: integer('seq').notNull(),
    hash: text('hash').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [check('contract_record_heads_seq', sql`${table.seq} >= 0`)],
);
