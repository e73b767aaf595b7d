import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { invalidField } from '../../platform/errors.ts';

/**
 * What each account kind is for, who owns it, and whether it is guarded (never negative).
 * Balances are the sum of postings: positive means the owner holds that money (or, for the
 * platform's revenue accounts, has earned it). Clearing accounts go negative when money is owed to
 * us by a gateway and positive when we owe it to a payout processor.
 */
export const accountKinds = {
  /** Money a client has paid in and not yet put to use. */
  client_funding: { owner: 'user', guarded: true },
  /** Funds held for one contract until released to the freelancer or refunded. */
  escrow: { owner: 'contract', guarded: true },
  /** Earned, inside the security period. */
  freelancer_pending: { owner: 'user', guarded: true },
  freelancer_available: { owner: 'user', guarded: true },
  freelancer_payout_in_flight: { owner: 'user', guarded: true },
  /** A user's Connects (currency CONNECTS). */
  connects: { owner: 'user', guarded: true },
  platform_fee_revenue: { owner: 'platform', guarded: false },
  platform_connects_revenue: { owner: 'platform', guarded: false },
  /** Where Connects come from and go back to (currency CONNECTS): minus the Connects in circulation. */
  platform_connects_pool: { owner: 'platform', guarded: false },
  gateway_clearing: { owner: 'platform', guarded: false },
  payout_clearing: { owner: 'platform', guarded: false },
} as const satisfies Record<string, { owner: OwnerKind; guarded: boolean }>;

export type AccountKind = keyof typeof accountKinds;
export type OwnerKind = 'user' | 'contract' | 'platform';

/** The platform owns its accounts under the nil uuid. */
export const PLATFORM_OWNER_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Balance rows of each platform account: every fee, charge and payout touches one of these, so
 * their balance is spread over rows that concurrent transfers lock independently.
 */
export const PLATFORM_BALANCE_SHARDS = 32;

export const CONNECTS = 'CONNECTS';

/** Names an account without knowing its id; postTransfer creates it on first use. */
export interface AccountKey {
  ownerKind: OwnerKind;
  ownerId: string;
  kind: AccountKind;
  currency: string;
}

export interface LedgerAccount extends AccountKey {
  id: string;
  guarded: boolean;
  createdAt: Date;
}

export interface AccountBalance extends LedgerAccount {
  balanceCents: number;
}

const CURRENCY = /^([A-Z]{3}|CONNECTS)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Refuses a key whose kind, owner or currency do not fit together. */
export function assertAccountKey(key: AccountKey, field = 'account'): void {
  const spec = accountKinds[key.kind];
  if (!spec) throw invalidField(`${field}.kind`, `Unknown account kind "${key.kind}".`);
  if (spec.owner !== key.ownerKind) {
    throw invalidField(
      `${field}.ownerKind`,
      `A ${key.kind} account belongs to a ${spec.owner}, not a ${key.ownerKind}.`,
    );
  }
  if (!UUID.test(key.ownerId)) throw invalidField(`${field}.ownerId`, 'Not a uuid.');
  if (key.ownerKind === 'platform' && key.ownerId !== PLATFORM_OWNER_ID) {
    throw invalidField(`${field}.ownerId`, 'Platform accounts use PLATFORM_OWNER_ID.');
  }
  if (!CURRENCY.test(key.currency)) throw invalidField(`${field}.currency`, `Unknown currency "${key.currency}".`);
  const connectsKind = key.kind === 'connects' || key.kind === 'platform_connects_pool';
  if (connectsKind !== (key.currency === CONNECTS)) {
    throw invalidField(`${field}.currency`, `A ${key.kind} account cannot hold ${key.currency}.`);
  }
}

export function shardsFor(key: AccountKey): number {
  return key.ownerKind === 'platform' ? PLATFORM_BALANCE_SHARDS : 1;
}

// Account keys for the common accounts, so that callers never spell owner kinds themselves.
export const clientFundingAccount = (clientId: string, currency: string): AccountKey => ({
  ownerKind: 'user',
  ownerId: clientId,
  kind: 'client_funding',
  currency,
});
export const escrowAccount = (contractId: string, currency: string): AccountKey => ({
  ownerKind: 'contract',
  ownerId: contractId,
  kind: 'escrow',
  currency,
});
export const freelancerAccount = (
  freelancerId: string,
  stage: 'pending' | 'available' | 'payout_in_flight',
  currency: string,
): AccountKey => ({ ownerKind: 'user', ownerId: freelancerId, kind: `freelancer_${stage}`, currency });
export const connectsAccount = (userId: string): AccountKey => ({
  ownerKind: 'user',
  ownerId: userId,
  kind: 'connects',
  currency: CONNECTS,
});
export const platformAccount = (
  kind: 'platform_fee_revenue' | 'platform_connects_revenue' | 'gateway_clearing' | 'payout_clearing',
  currency: string,
): AccountKey => ({ ownerKind: 'platform', ownerId: PLATFORM_OWNER_ID, kind, currency });
export const connectsPoolAccount = (): AccountKey => ({
  ownerKind: 'platform',
  ownerId: PLATFORM_OWNER_ID,
  kind: 'platform_connects_pool',
  currency: CONNECTS,
});

interface AccountRow extends Record<string, unknown> {
  id: string;
  owner_kind: OwnerKind;
  owner_id: string;
  kind: AccountKind;
  currency: string;
  guarded: boolean;
  created_at: Date | string;
}

function toAccount(row: AccountRow): LedgerAccount {
  return {
    id: row.id,
    ownerKind: row.owner_kind,
    ownerId: row.owner_id,
    kind: row.kind,
    currency: row.currency,
    guarded: row.guarded,
    createdAt: new Date(row.created_at),
  };
}

/** Finds the account for (owner, kind, currency), creating it with its balance rows on first use. */
export async function getOrCreateAccount(tx: Executor, key: AccountKey, now: Date): Promise<LedgerAccount> {
  assertAccountKey(key);
  const spec = accountKinds[key.kind];
  const result = await tx.execute<AccountRow>(sql`
    select * from ledger_account_for(${key.ownerKind}, ${key.ownerId}::uuid, ${key.kind}, ${key.currency},
      ${spec.guarded}, ${shardsFor(key)}::smallint, ${now.toISOString()}::timestamptz)`);
  const row = result.rows[0];
  if (!row) throw new Error('ledger_account_for returned no row');
  return toAccount(row);
}

/** The balance of one account (the sum of its balance rows), 0 for an unknown account. */
export async function getBalance(executor: Executor, accountId: string): Promise<number> {
  const result = await executor.execute<{ balance: number | null }>(
    sql`select sum(balance_cents)::bigint as balance from ledger_balances where account_id = ${accountId}`,
  );
  return result.rows[0]?.balance ?? 0;
}

/** The balance of the account with this key, 0 if it was never used. */
export async function getBalanceByKey(executor: Executor, key: AccountKey): Promise<number> {
  const result = await executor.execute<{ balance: number | null }>(sql`
    select sum(b.balance_cents)::bigint as balance
      from ledger_accounts a join ledger_balances b on b.account_id = a.id
     where a.owner_kind = ${key.ownerKind} and a.owner_id = ${key.ownerId} and a.kind = ${key.kind}
       and a.currency = ${key.currency}`);
  return result.rows[0]?.balance ?? 0;
}

/** Every account an owner has, with its balance, ordered by kind then currency. */
export async function balancesFor(
  executor: Executor,
  owner: { ownerKind: OwnerKind; ownerId: string },
): Promise<AccountBalance[]> {
  const result = await executor.execute<AccountRow & { balance_cents: number }>(sql`
    select a.*, sum(b.balance_cents)::bigint as balance_cents
      from ledger_accounts a join ledger_balances b on b.account_id = a.id
     where a.owner_kind = ${owner.ownerKind} and a.owner_id = ${owner.ownerId}
     group by a.id
     order by a.kind, a.currency`);
  return result.rows.map((row) => ({ ...toAccount(row), balanceCents: row.balance_cents }));
}
