import { createHash } from 'node:crypto';

/**
 * The one definition of how a record entry is hashed, shared by the server (appending, `workroom
 * verify`) and the offline `workroom record verify FILE`. Pure: no database, no configuration.
 * Changing anything here invalidates every stored chain, so it is versioned by RECORD_FORMAT.
 */
export const RECORD_FORMAT = 'workroom-record/1';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The fields an entry's hash covers (`hash` itself is the SHA-256 of their canonical form). */
export interface HashedEntry {
  contractId: string;
  seq: number;
  kind: string;
  actorId: string | null;
  /** ISO 8601 with milliseconds, UTC (`Date.prototype.toISOString`). */
  at: string;
  summary: string;
  data: JsonValue;
  prevHash: string;
}

export const sha256Hex = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

/**
 * JSON with object keys sorted (by UTF-16 code units, as `Array.prototype.sort` does) at every
 * depth and no whitespace, so the same value always gives the same bytes whatever order its keys
 * were written or stored in (jsonb reorders them).
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new TypeError('A record cannot hold NaN or Infinity');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as JsonValue)}`).join(',')}}`;
}

/**
 * Turns arbitrary data into plain JSON (dropping undefined, turning Dates into ISO strings) and
 * refuses what would not come back identical from the database: the hash is over what is stored.
 */
export function toJsonValue(data: unknown): JsonValue {
  const text = JSON.stringify(data ?? null);
  if (text.includes('\\u0000')) throw new TypeError('A record cannot hold the NUL character');
  return JSON.parse(text) as JsonValue;
}

/** The first entry of every contract links to this: a record cannot be moved to another contract. */
export const genesisHash = (contractId: string): string => sha256Hex(`${RECORD_FORMAT}:genesis:${contractId}`);

export function entryHash(entry: HashedEntry): string {
  const payload: JsonValue = {
    contractId: entry.contractId,
    seq: entry.seq,
    kind: entry.kind,
    actorId: entry.actorId,
    at: entry.at,
    summary: entry.summary,
    data: entry.data,
    prevHash: entry.prevHash,
  };
  return sha256Hex(canonicalJson(payload));
}

export interface ChainBreak {
  seq: number;
  /** Which rule failed: the entry's own hash, its link to the previous one, or its numbering. */
  problem: 'hash' | 'link' | 'seq';
  message: string;
}

/**
 * Walks a chain in order and returns the first entry that was altered, or null. An entry whose
 * content changed no longer matches its hash; an entry altered and re-hashed breaks the next
 * entry's link, which names the altered entry (the one before the link).
 */
export function findChainBreak(
  contractId: string,
  entries: readonly (HashedEntry & { hash: string })[],
): ChainBreak | null {
  let prevHash = genesisHash(contractId);
  for (const [index, entry] of entries.entries()) {
    const expectedSeq = index + 1;
    if (entry.seq !== expectedSeq) {
      return {
        seq: expectedSeq,
        problem: 'seq',
        message: `entry ${expectedSeq} is missing or out of order (found seq ${entry.seq} in its place)`,
      };
    }
    if (entry.contractId !== contractId) {
      return {
        seq: entry.seq,
        problem: 'hash',
        message: `entry ${entry.seq} names another contract (${entry.contractId})`,
      };
    }
    if (entryHash(entry) !== entry.hash) {
      return {
        seq: entry.seq,
        problem: 'hash',
        message: `entry ${entry.seq} (${entry.kind}) was altered: its content no longer matches its hash ${entry.hash.slice(0, 12)}…`,
      };
    }
    if (entry.prevHash !== prevHash) {
      if (index === 0) {
        return { seq: 1, problem: 'link', message: "entry 1 does not start from this contract's genesis hash" };
      }
      return {
        seq: entry.seq - 1,
        problem: 'link',
        message: `entry ${entry.seq - 1} was altered: its hash ${prevHash.slice(0, 12)}… is not the one entry ${entry.seq} recorded (${entry.prevHash.slice(0, 12)}…)`,
      };
    }
    prevHash = entry.hash;
  }
  return null;
}
