import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';

/** One posting on an account, with what its transfer says about it. */
export interface AccountPosting {
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
   * fee was the owner's: the transfer touches exactly one of `feeOwnerAccountIds`. Else 0.
   */
  feeCents: number;
  /** Everything the transfer moved (the sum of its debit legs), when `withTransferTotal` asked. */
  transferTotalCents: number | null;
}

export interface AccountPostingsFilter {
  /** The accounts to list. */
  accountIds: string[];
  /** All of one owner's accounts: a transfer's fee is theirs when it touches exactly one of them. */
  feeOwnerAccountIds: string[];
  /** Postings older than this posting id (keyset pagination, newest first). */
  beforePostingId?: number | undefined;
  from?: Date | undefined;
  /** Exclusive. */
  to?: Date | undefined;
  /** Only transfers with one of these reasons. */
  reasons?: string[] | undefined;
  /** No transfer with any of these reasons. */
  exceptReasons?: string[] | undefined;
  /** Only postings whose transfer carries a fee of the owner's. */
  feeOnly?: boolean | undefined;
  /** Only money coming in (positive postings). */
  creditsOnly?: boolean | undefined;
  withTransferTotal?: boolean | undefined;
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
  created_at: Date | string;
  contract_id: string | null;
  withdrawal_id: string | null;
  charge_id: string | null;
  extra: Record<string, unknown> | null;
  fee_cents: number | string;
  transfer_total_cents: number | string | null;
}

/** Postings `p` with their transfer `t` and what it paid to platform fee revenue (`fee.total`). */
const postingsWithTransferFee = sql.raw(`from ledger_postings p
      join ledger_transfers t on t.id = p.transfer_id
      cross join lateral (
        select coalesce(sum(r.amount_cents), 0) as total
          from ledger_postings r join ledger_accounts ra on ra.id = r.account_id
         where r.transfer_id = t.id and ra.kind = 'platform_fee_revenue') fee`);

const list = (values: string[]) =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );

/**
 * A page of postings on some accounts, newest first, each with its running balance (kept as
 * `balance_after_cents` for single-row accounts, so it is read, never summed) and the fee its
 * transfer carried. Statements, transaction histories and invoice lists are built on it.
 */
export async function listAccountPostings(
  executor: Executor,
  filter: AccountPostingsFilter,
): Promise<AccountPosting[]> {
  if (filter.accountIds.length === 0) return [];
  const owned = filter.feeOwnerAccountIds;
  const conditions: SQL[] = [sql`p.account_id in (${list(filter.accountIds)})`];
  if (filter.beforePostingId !== undefined) conditions.push(sql`p.id < ${filter.beforePostingId}`);
  if (filter.from) conditions.push(sql`t.created_at >= ${filter.from.toISOString()}::timestamptz`);
  if (filter.to) conditions.push(sql`t.created_at < ${filter.to.toISOString()}::timestamptz`);
  if (filter.reasons) conditions.push(filter.reasons.length ? sql`t.reason in (${list(filter.reasons)})` : sql`false`);
  if (filter.exceptReasons?.length) conditions.push(sql`t.reason not in (${list(filter.exceptReasons)})`);
  if (filter.feeOnly) conditions.push(sql`fee.total <> 0 and mine.postings = 1`);
  if (filter.creditsOnly) conditions.push(sql`p.amount_cents > 0`);
  const mine =
    owned.length === 0
      ? sql`(select 0 as postings)`
      : sql`(select count(*) as postings from ledger_postings q
              where q.transfer_id = t.id and q.account_id in (${list(owned)}))`;
  const total = filter.withTransferTotal
    ? sql`(select -sum(o.amount_cents) from ledger_postings o where o.transfer_id = t.id and o.amount_cents < 0)`
    : sql`null::bigint`;
  const result = await executor.execute<Row>(sql`
    select p.id as posting_id, p.account_id, p.amount_cents, p.balance_after_cents, p.currency,
           t.id as transfer_id, t.reason, t.memo, t.created_at, t.contract_id, t.withdrawal_id, t.charge_id, t.extra,
           case when mine.postings = 1 then fee.total else 0 end as fee_cents,
           ${total} as transfer_total_cents
      ${postingsWithTransferFee}
      cross join lateral ${mine} mine
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
    transferTotalCents: row.transfer_total_cents === null ? null : Number(row.transfer_total_cents),
  }));
}

/** One month (UTC) of one reason's postings on an account. */
export interface MonthlyReasonTotal {
  /** YYYY-MM. */
  month: string;
  reason: string;
  /** The postings' sum on the account. */
  amountCents: number;
  /** What those postings' transfers paid to platform fee revenue. */
  feeCents: number;
}

/** An account's postings summed by month (UTC) and transfer reason, newest month first. */
export async function monthlyTotalsByReason(executor: Executor, accountId: string): Promise<MonthlyReasonTotal[]> {
  const result = await executor.execute<{
    month: string;
    reason: string;
    amount: number | string;
    fee: number | string;
  }>(sql`
    select to_char(date_trunc('month', t.created_at at time zone 'UTC'), 'YYYY-MM') as month, t.reason,
           sum(p.amount_cents) as amount, sum(fee.total) as fee
      ${postingsWithTransferFee}
     where p.account_id = ${accountId}
     group by 1, 2
     order by 1 desc, 2`);
  return result.rows.map((row) => ({
    month: row.month,
    reason: row.reason,
    amountCents: Number(row.amount),
    feeCents: Number(row.fee),
  }));
}
