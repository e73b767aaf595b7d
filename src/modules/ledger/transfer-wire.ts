import { invalidField } from '../../platform/errors.ts';
import { accountKinds, assertAccountKey, shardsFor } from './accounts.ts';
import type { TransferInput } from './post-transfer.ts';

/*
 * How transfers travel to the database functions: PostgreSQL array literals (cheaper to send and
 * parse than JSON), after every check that needs no database.
 */

const REASON = /^[a-z][a-z0-9_.]{1,60}$/;
const MAX_POSTINGS = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A PostgreSQL array literal of uuids or integers (no quoting needed for either). */
export function arrayLiteral(values: (string | number | null)[]): string {
  return `{${values.map((value) => (value === null ? 'NULL' : String(value))).join(',')}}`;
}

/** A PostgreSQL array literal of arbitrary texts, quoted. */
export function textArrayLiteral(values: (string | null)[]): string {
  const quote = (value: string) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  return `{${values.map((value) => (value === null ? 'NULL' : quote(value))).join(',')}}`;
}

/** How the database functions name an account they must find or create. */
export interface WireAccountKey {
  owner_kind: string;
  owner_id: string;
  kind: string;
  currency: string;
  guarded: boolean;
  shards: number;
}

export interface WirePostings {
  /** Null where the account is named by key. */
  accountIds: (string | null)[];
  amounts: number[];
  /** Aligned with accountIds (null where the id is known); null when every posting has an id. */
  accountKeys: (WireAccountKey | null)[] | null;
}

/** Checks everything that can be checked without the database (which checks it all again). */
export function toWirePostings(input: TransferInput): WirePostings {
  if (input.idempotencyKey.length < 1 || input.idempotencyKey.length > 300) {
    throw invalidField('idempotencyKey', 'An idempotency key has 1 to 300 characters.');
  }
  if (!REASON.test(input.reason)) throw invalidField('reason', `Not a reason code: "${input.reason}".`);
  if (input.memo !== undefined && input.memo.length > 500) throw invalidField('memo', 'Use at most 500 characters.');
  if (input.postings.length < 2 || input.postings.length > MAX_POSTINGS) {
    throw invalidField('postings', `A transfer has 2 to ${MAX_POSTINGS} postings.`);
  }
  const totals = new Map<string, number>();
  const seen = new Set<string>();
  const wire: WirePostings = { accountIds: [], amounts: [], accountKeys: null };
  input.postings.forEach((posting, index) => {
    const field = `postings.${index}`;
    if (!Number.isSafeInteger(posting.amountCents) || posting.amountCents === 0) {
      throw invalidField(`${field}.amountCents`, 'Amounts are non-zero whole cents.');
    }
    wire.amounts.push(posting.amountCents);
    if ('accountId' in posting) {
      if (!UUID.test(posting.accountId)) throw invalidField(`${field}.accountId`, 'Not an account id.');
      if (seen.has(posting.accountId)) throw invalidField(`${field}.accountId`, 'An account appears twice.');
      seen.add(posting.accountId);
      wire.accountIds.push(posting.accountId);
      wire.accountKeys?.push(null);
      return;
    }
    const key = posting.account;
    assertAccountKey(key, `${field}.account`);
    const identity = `${key.ownerKind}/${key.ownerId}/${key.kind}/${key.currency}`;
    if (seen.has(identity)) throw invalidField(`${field}.account`, 'An account appears twice.');
    seen.add(identity);
    const total = (totals.get(key.currency) ?? 0) + posting.amountCents;
    if (!Number.isSafeInteger(total)) throw invalidField(`${field}.amountCents`, 'The amounts are too large.');
    totals.set(key.currency, total);
    wire.accountKeys ??= wire.accountIds.map(() => null);
    wire.accountIds.push(null);
    wire.accountKeys.push({
      owner_kind: key.ownerKind,
      owner_id: key.ownerId,
      kind: key.kind,
      currency: key.currency,
      guarded: accountKinds[key.kind].guarded,
      shards: shardsFor(key),
    });
  });
  // Postings by id have currencies only the database knows; it checks those (and these) again.
  const allKeyed = input.postings.every((posting) => 'account' in posting);
  if (allKeyed && [...totals.values()].some((total) => total !== 0)) {
    throw invalidField('postings', 'The postings do not sum to zero in every currency.');
  }
  return wire;
}
