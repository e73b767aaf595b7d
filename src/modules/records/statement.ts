import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Role } from '../../server/context.ts';
import { balancesFor } from '../ledger/accounts.ts';
import {
  KNOWN_REASONS,
  reasonsByType,
  type StatementAccountKind,
  type StatementAccountName,
  statementAccountNames,
  type TransactionType,
} from './transaction-types.ts';

export interface StatementAccount {
  id: string;
  kind: StatementAccountKind;
  name: StatementAccountName;
  currency: string;
  balanceCents: number;
}

/** Clients see their funding account; freelancers their pending and available balances. */
const kindsByRole: Record<Role, StatementAccountKind[]> = {
  client: ['client_funding'],
  freelancer: ['freelancer_pending', 'freelancer_available'],
  operator: [],
};

/** The user's accounts that make up their transaction history (only ones that were ever used). */
export async function statementAccountsFor(
  executor: Executor,
  user: { userId: string; roles: Role[] },
): Promise<StatementAccount[]> {
  const kinds = new Set(user.roles.flatMap((role) => kindsByRole[role]));
  const accounts = await balancesFor(executor, { ownerKind: 'user', ownerId: user.userId });
  return accounts
    .filter((account) => kinds.has(account.kind as StatementAccountKind))
    .map((account) => ({
      id: account.id,
      kind: account.kind as StatementAccountKind,
      name: statementAccountNames[account.kind as StatementAccountKind],
      currency: account.currency,
      balanceCents: account.balanceCents,
    }));
}

/** One posting on a statement account, with what its transfer says about it. */
export interface StatementPosting {
  postingId: number;
  accountId: string;
  amountCents: number;
  /** The account's balance right after this posting. */
  balanceAfterCents: number;
  currency: string;
  transferId: string;
  reason: string;
  memo: string | null;
  createdAt: Date;
  contractId: string | null;
  withdrawalId: string | null;
  chargeId: string | null;
  extra: Record<string, unknown>;
  /**
   * What the transfer paid to platform fee revenue (negative when a fee was given back), when the
   * fee was the user's: the transfer touches exactly one of their statement accounts.
   */
  feeCents: number;
}

export interface StatementFilter {
  /** Every statement account of the user: a transfer's fee is theirs when it touches exactly one. */
  userAccountIds: string[];
  /** The accounts to list (all of the user's, or one). */
  accountIds: string[];
  /** Postings older than this posting id (keyset pagination, newest first). */
  beforePostingId?: number;
  from?: Date;
  /** Exclusive. */
  to?: Date;
  type?: TransactionType;
  limit: number;
}

interface Row extends Record<string, unknown> {
  posting_id: number;
  account_id: string;
  amount_cents: number;
  balance_after_cents: number;
  currency: string;
  transfer_id: string;
  reason: string;
  memo: string | null;
  created_at: Date;
  contract_id: string | null;
  withdrawal_id: string | null;
  charge_id: string | null;
  extra: Record<string, unknown> | null;
  fee_cents: number | string;
}

const list = (values: string[]) =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );

function typeCondition(type: TransactionType | undefined): SQL | undefined {
  if (!type) return undefined;
  if (type === 'fee') return sql`fee.total <> 0 and mine.postings = 1`;
  if (type === 'adjustment') return sql`t.reason not in (${list(KNOWN_REASONS)})`;
  return sql`t.reason in (${list(reasonsByType[type])})`;
}

/**
 * A page of a user's postings, newest first, each with its running balance. The ledger keeps
 * `balance_after_cents` for single-row accounts, so the running balance is read, never summed.
 * Reads the ledger's tables directly (read only): the ledger exports no statement query yet.
 */
export async function statementPostings(executor: Executor, filter: StatementFilter): Promise<StatementPosting[]> {
  if (filter.accountIds.length === 0) return [];
  const conditions: SQL[] = [sql`p.account_id in (${list(filter.accountIds)})`];
  if (filter.beforePostingId !== undefined) conditions.push(sql`p.id < ${filter.beforePostingId}`);
  if (filter.from) conditions.push(sql`t.created_at >= ${filter.from.toISOString()}::timestamptz`);
  if (filter.to) conditions.push(sql`t.created_at < ${filter.to.toISOString()}::timestamptz`);
  const byType = typeCondition(filter.type);
  if (byType) conditions.push(byType);
  const result = await executor.execute<Row>(sql`
    select p.id as posting_id, p.account_id, p.amount_cents, p.balance_after_cents, p.currency,
           t.id as transfer_id, t.reason, t.memo, t.created_at, t.contract_id, t.withdrawal_id, t.charge_id, t.extra,
           case when mine.postings = 1 then fee.total else 0 end as fee_cents
      from ledger_postings p
      join ledger_transfers t on t.id = p.transfer_id
      cross join lateral (
        select coalesce(sum(r.amount_cents), 0) as total
          from ledger_postings r join ledger_accounts ra on ra.id = r.account_id
         where r.transfer_id = t.id and ra.kind = 'platform_fee_revenue') fee
      cross join lateral (
        select count(*) as postings from ledger_postings q
         where q.transfer_id = t.id and q.account_id in (${list(filter.userAccountIds)})) mine
     where ${sql.join(conditions, sql` and `)}
     order by p.id desc
     limit ${filter.limit}`);
  return result.rows.map((row) => ({
    postingId: Number(row.posting_id),
    accountId: row.account_id,
    amountCents: Number(row.amount_cents),
    balanceAfterCents: Number(row.balance_after_cents),
    currency: row.currency,
    transferId: row.transfer_id,
    reason: row.reason,
    memo: row.memo,
    createdAt: new Date(row.created_at),
    contractId: row.contract_id,
    withdrawalId: row.withdrawal_id,
    chargeId: row.charge_id,
    extra: row.extra ?? {},
    feeCents: Number(row.fee_cents),
  }));
}
