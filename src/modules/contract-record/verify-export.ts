import { findChainBreak, type HashedEntry, type JsonValue, RECORD_FORMAT } from './canonical.ts';
import { filesNamedBy } from './record-files.ts';

/**
 * Checks a JSON export of a contract record offline (no database): every entry's hash, the chain
 * of links from the contract's genesis, the head, and the files list against the entries that
 * name them. Pure, so `workroom record verify FILE` and the server share it.
 */
export type ExportVerdict =
  | { ok: true; contractId: string; entries: number; head: string | null }
  | { ok: false; seq: number | null; message: string };

type JsonObject = { [key: string]: JsonValue };
const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The seq of the entry a character offset falls in (the last `"seq": N` before it). */
function seqAround(text: string, position: number): number | null {
  let found: number | null = null;
  for (const match of text.slice(0, position).matchAll(/"seq"\s*:\s*(\d+)/g)) found = Number(match[1]);
  return found;
}

/**
 * Where JSON.parse gave up: V8 says "at position N" for some errors and only quotes the text
 * around the damage for others ('Unexpected token ..., ..."summary": 'Week 3 re"... is not valid JSON').
 */
function errorPosition(text: string, reason: string): number | null {
  const position = /position (\d+)/.exec(reason);
  if (position) return Number(position[1]);
  const quoted = /, (?:\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON/.exec(reason)?.[1];
  const at = quoted ? text.indexOf(quoted) : -1;
  return at < 0 || !quoted ? null : at + Math.floor(quoted.length / 2);
}

function parse(text: string): { value: JsonValue } | { error: ExportVerdict } {
  try {
    return { value: JSON.parse(text) as JsonValue };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = errorPosition(text, reason);
    const seq = position === null ? null : seqAround(text, position);
    const where = seq === null ? '' : `; the damage is in entry ${seq}`;
    return { error: { ok: false, seq, message: `the file is not valid JSON (${reason})${where}` } };
  }
}

function readEntry(contractId: string, value: JsonValue, index: number): (HashedEntry & { hash: string }) | string {
  if (!isObject(value)) return `entry at position ${index + 1} is not an object`;
  const { seq, kind, actorId, at, summary, data, prevHash, hash } = value;
  if (typeof seq !== 'number' || !Number.isInteger(seq))
    return `entry at position ${index + 1} has no whole-number seq`;
  const wrong = (field: string) => `entry ${seq} was altered: its ${field} is missing or of the wrong type`;
  if (typeof kind !== 'string') return wrong('kind');
  if (actorId !== null && typeof actorId !== 'string') return wrong('actorId');
  if (typeof at !== 'string') return wrong('at');
  if (typeof summary !== 'string') return wrong('summary');
  if (data === undefined) return wrong('data');
  if (typeof prevHash !== 'string') return wrong('prevHash');
  if (typeof hash !== 'string') return wrong('hash');
  return { contractId, seq, kind, actorId: actorId ?? null, at, summary, data, prevHash, hash };
}

export function verifyRecordExport(text: string): ExportVerdict {
  const parsed = parse(text);
  if ('error' in parsed) return parsed.error;
  const document = parsed.value;
  if (!isObject(document) || document.format !== RECORD_FORMAT) {
    return { ok: false, seq: null, message: `not a Workroom record export (format "${RECORD_FORMAT}" expected)` };
  }
  const contract = document.contract;
  const contractId = isObject(contract) ? contract.id : undefined;
  if (typeof contractId !== 'string') return { ok: false, seq: null, message: 'the export names no contract id' };
  if (!Array.isArray(document.entries)) return { ok: false, seq: null, message: 'the export has no entries list' };

  const entries: (HashedEntry & { hash: string })[] = [];
  for (const [index, value] of document.entries.entries()) {
    const entry = readEntry(contractId, value, index);
    if (typeof entry === 'string') return { ok: false, seq: index + 1, message: entry };
    entries.push(entry);
  }
  const broken = findChainBreak(contractId, entries);
  if (broken) return { ok: false, seq: broken.seq, message: broken.message };

  const last = entries.at(-1);
  const head = document.head;
  if (head !== undefined && head !== null) {
    if (!isObject(head) || head.seq !== last?.seq || head.hash !== last?.hash) {
      return { ok: false, seq: last?.seq ?? null, message: "the export's head does not match its last entry" };
    }
  }

  const problem = checkFiles(document.files, entries);
  if (problem) return problem;
  return { ok: true, contractId, entries: entries.length, head: last?.hash ?? null };
}

/**
 * The files list is not hashed itself: it must say exactly what the (hashed) entries say. A
 * mismatch means the list was altered, so no entry is named as altered.
 */
function checkFiles(
  files: JsonValue | undefined,
  entries: readonly (HashedEntry & { hash: string })[],
): ExportVerdict | null {
  if (files === undefined) return null;
  if (!Array.isArray(files)) return { ok: false, seq: null, message: "the export's files list is not a list" };
  const named = new Map(filesNamedBy(entries.map((entry) => entry.data)).map((file) => [file.id, file]));
  const recordedBy = (fileId: string) => {
    const seq = entries.find((entry) => JSON.stringify(entry.data).includes(fileId))?.seq;
    return seq === undefined ? '' : ` (recorded by entry ${seq})`;
  };
  for (const listed of files) {
    const id = isObject(listed) ? listed.id : undefined;
    const expected = typeof id === 'string' ? named.get(id) : undefined;
    if (!isObject(listed) || typeof id !== 'string' || !expected) {
      return {
        ok: false,
        seq: null,
        message: `the files list names a file no entry records, or names it twice (${String(id)})`,
      };
    }
    for (const field of ['name', 'sha256', 'sizeBytes'] as const) {
      if (listed[field] !== expected[field]) {
        return {
          ok: false,
          seq: null,
          message: `the files list was altered: file ${id} has ${field} ${JSON.stringify(listed[field])}, but the record says ${JSON.stringify(expected[field])}${recordedBy(id)}`,
        };
      }
    }
    named.delete(id);
  }
  const [missing] = named.values();
  if (missing) {
    return {
      ok: false,
      seq: null,
      message: `file ${missing.id} (${missing.name}) is missing from the files list${recordedBy(missing.id)}`,
    };
  }
  return null;
}
