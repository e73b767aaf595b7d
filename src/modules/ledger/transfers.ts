import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';

/** What caused a transfer; every field optional, stored as typed columns (plus free-form `extra`). */
export interface TransferRefs {
  contractId?: string;
  milestoneId?: string;
  timesheetId?: string;
  withdrawalId?: string;
  disputeId?: string;
  chargeId?: string;
  /** The user the transfer is about (payer, payee, withdrawer...). */
  userId?: string;
  extra?: Record<string, unknown>;
}

export interface Posting {
  accountId: string;
  currency: string;
  amountCents: number;
}

export interface Transfer {
  id: string;
  idempotencyKey: string;
  reason: string;
  refs: TransferRefs;
  memo: string | null;
  reversesTransferId: string | null;
  createdAt: Date;
  postings: Posting[];
}

export interface TransferRow extends Record<string, unknown> {
  id: string;
  idempotency_key: string;
  reason: string;
  contract_id: string | null;
  milestone_id: string | null;
  timesheet_id: string | null;
  withdrawal_id: string | null;
  dispute_id: string | null;
  charge_id: string | null;
  user_id: string | null;
  extra: Record<string, unknown> | null;
  reverses_transfer_id: string | null;
  memo: string | null;
  created_at: Date;
  postings: { account_id: string; currency: string; amount_cents: number }[];
}

/** Columns of a transfer plus its postings as a json array, for the queries below. */
export const TRANSFER_WITH_POSTINGS = sql`
  t.*, (select json_agg(json_build_object('account_id', p.account_id, 'currency', p.currency,
                                          'amount_cents', p.amount_cents) order by p.id)
          from ledger_postings p where p.transfer_id = t.id) as postings`;

export function toTransfer(row: TransferRow): Transfer {
  const refs: TransferRefs = {};
  if (row.contract_id) refs.contractId = row.contract_id;
  if (row.milestone_id) refs.milestoneId = row.milestone_id;
  if (row.timesheet_id) refs.timesheetId = row.timesheet_id;
  if (row.withdrawal_id) refs.withdrawalId = row.withdrawal_id;
  if (row.dispute_id) refs.disputeId = row.dispute_id;
  if (row.charge_id) refs.chargeId = row.charge_id;
  if (row.user_id) refs.userId = row.user_id;
  if (row.extra) refs.extra = row.extra;
  return {
    id: row.id,
    idempotencyKey: row.idempotency_key,
    reason: row.reason,
    refs,
    memo: row.memo,
    reversesTransferId: row.reverses_transfer_id,
    createdAt: new Date(row.created_at),
    postings: (row.postings ?? []).map((posting) => ({
      accountId: posting.account_id,
      currency: posting.currency,
      // json_agg renders bigint as a JSON number; amounts stay within the safe range (checked on write).
      amountCents: Number(posting.amount_cents),
    })),
  };
}

export async function getTransfer(executor: Executor, transferId: string): Promise<Transfer | null> {
  const result = await executor.execute<TransferRow>(
    sql`select ${TRANSFER_WITH_POSTINGS} from ledger_transfers t where t.id = ${transferId}`,
  );
  const row = result.rows[0];
  return row ? toTransfer(row) : null;
}

export async function getTransferByKey(executor: Executor, idempotencyKey: string): Promise<Transfer | null> {
  const result = await executor.execute<TransferRow>(
    sql`select ${TRANSFER_WITH_POSTINGS} from ledger_transfers t where t.idempotency_key = ${idempotencyKey}`,
  );
  const row = result.rows[0];
  return row ? toTransfer(row) : null;
}

/** The transfer that reversed this one, if any. */
export async function getReversalOf(executor: Executor, transferId: string): Promise<Transfer | null> {
  const result = await executor.execute<TransferRow>(
    sql`select ${TRANSFER_WITH_POSTINGS} from ledger_transfers t where t.reverses_transfer_id = ${transferId}`,
  );
  const row = result.rows[0];
  return row ? toTransfer(row) : null;
}
