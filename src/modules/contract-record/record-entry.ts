import { and, asc, eq, gt } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { HashedEntry, JsonValue } from './canonical.ts';
import { contractRecordEntries, contractRecordHeads } from './tables.ts';

/** One entry of a contract's record, as stored. */
export interface RecordEntry {
  contractId: string;
  seq: number;
  kind: string;
  actorId: string | null;
  at: Date;
  summary: string;
  data: JsonValue;
  prevHash: string;
  hash: string;
}

export function toRecordEntry(row: typeof contractRecordEntries.$inferSelect): RecordEntry {
  return { ...row, data: row.data };
}

/** The fields the hash covers, in the form canonical.ts hashes them. */
export const hashedFields = (entry: RecordEntry): HashedEntry & { hash: string } => ({
  contractId: entry.contractId,
  seq: entry.seq,
  kind: entry.kind,
  actorId: entry.actorId,
  at: entry.at.toISOString(),
  summary: entry.summary,
  data: entry.data,
  prevHash: entry.prevHash,
  hash: entry.hash,
});

/** Entries after `afterSeq`, oldest first. */
export async function recordEntries(
  executor: Executor,
  contractId: string,
  page: { afterSeq?: number; limit?: number } = {},
): Promise<RecordEntry[]> {
  const query = executor
    .select()
    .from(contractRecordEntries)
    .where(and(eq(contractRecordEntries.contractId, contractId), gt(contractRecordEntries.seq, page.afterSeq ?? 0)))
    .orderBy(asc(contractRecordEntries.seq));
  const rows = page.limit === undefined ? await query : await query.limit(page.limit);
  return rows.map(toRecordEntry);
}

/** The last entry's seq and hash, or null while the record is empty. */
export async function recordHead(
  executor: Executor,
  contractId: string,
): Promise<{ seq: number; hash: string } | null> {
  const [head] = await executor
    .select({ seq: contractRecordHeads.seq, hash: contractRecordHeads.hash })
    .from(contractRecordHeads)
    .where(eq(contractRecordHeads.contractId, contractId));
  return head && head.seq > 0 ? head : null;
}
