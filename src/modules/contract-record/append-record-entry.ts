import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import { entryHash, genesisHash, type JsonValue, toJsonValue } from './canonical.ts';
import { isRecordKind, type RecordKind } from './kinds.ts';
import { type RecordEntry, toRecordEntry } from './record-entry.ts';
import { contractRecordEntries, contractRecordHeads } from './tables.ts';

export interface NewRecordEntry {
  contractId: string;
  kind: RecordKind;
  /** Who acted; null for the platform (an automatic approval, a scheduled refund). */
  actorId: string | null;
  /** What happened, for a person reading the record ("Milestone 2 approved: $400.00 released"). */
  summary: string;
  /** The facts, as JSON (see kinds.ts for conventions). Hashed as stored. */
  data?: unknown;
  /** When it happened; defaults to the clock's now. */
  at?: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const MAX_SUMMARY_LENGTH = 2000;

/**
 * Appends one entry to a contract's record, in the caller's transaction (so the entry exists if
 * and only if the event does). Appends to one contract run one at a time: the head row is locked
 * until the caller commits, which also keeps `seq` in commit order. The database refuses any
 * insert that would not continue the chain.
 */
export async function appendRecordEntry(tx: Tx, clock: Clock, input: NewRecordEntry): Promise<RecordEntry> {
  // Callers pass their own ids; a malformed one is a bug, not a user mistake.
  const contractId = input.contractId.toLowerCase();
  if (!UUID.test(contractId)) throw new Error(`appendRecordEntry: not a contract id: ${input.contractId}`);
  if (!isRecordKind(input.kind)) throw new Error(`appendRecordEntry: unknown kind ${input.kind} (see kinds.ts)`);
  const summary = input.summary.trim();
  if (summary.length === 0 || summary.length > MAX_SUMMARY_LENGTH) {
    throw new Error(`appendRecordEntry: a summary has 1 to ${MAX_SUMMARY_LENGTH} characters`);
  }
  const data: JsonValue = toJsonValue(input.data ?? {});
  const at = input.at ?? clock.now();

  // The upsert takes the head row's lock (creating the head at the genesis hash the first time).
  const [head] = await tx
    .insert(contractRecordHeads)
    .values({ contractId, seq: 0, hash: genesisHash(contractId), updatedAt: at })
    .onConflictDoUpdate({ target: contractRecordHeads.contractId, set: { seq: sql`${contractRecordHeads.seq}` } })
    .returning({ seq: contractRecordHeads.seq, hash: contractRecordHeads.hash });
  if (!head) throw new Error('record head upsert returned no row');

  const entry = {
    contractId,
    seq: head.seq + 1,
    kind: input.kind,
    actorId: input.actorId,
    at: at.toISOString(),
    summary,
    data,
    prevHash: head.hash,
  };
  const hash = entryHash(entry);
  const [row] = await tx
    .insert(contractRecordEntries)
    .values({ ...entry, at, hash })
    .returning();
  if (!row) throw new Error('record entry insert returned no row');
  await tx
    .update(contractRecordHeads)
    .set({ seq: entry.seq, hash, updatedAt: at })
    .where(sql`${contractRecordHeads.contractId} = ${contractId}`);
  return toRecordEntry(row);
}
