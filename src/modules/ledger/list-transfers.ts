import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Ctx } from '../../server/context.ts';
import { decodeCursor, encodeCursor } from './keyset-cursor.ts';
import { type Transfer, type TransferRow, toTransfer } from './transfers.ts';

export interface TransferListing extends Omit<Transfer, 'postings'> {
  postings: {
    accountId: string;
    ownerKind: string;
    ownerId: string;
    kind: string;
    currency: string;
    amountCents: number;
  }[];
}

interface ListingRow extends TransferRow {
  accounts: { account_id: string; owner_kind: string; owner_id: string; kind: string }[];
}

/** Every transfer, newest first, for operators (the route requires the operator role). */
export async function listTransfers(
  ctx: Ctx,
  query: { limit: number; cursor?: string; reason?: string; contractId?: string; accountId?: string },
): Promise<{ items: TransferListing[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const conditions = [sql`true`];
  if (after)
    conditions.push(sql`(t.created_at, t.id) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`);
  if (query.reason) conditions.push(sql`t.reason = ${query.reason}`);
  if (query.contractId) conditions.push(sql`t.contract_id = ${query.contractId}`);
  if (query.accountId) {
    conditions.push(
      sql`exists (select 1 from ledger_postings p where p.transfer_id = t.id and p.account_id = ${query.accountId})`,
    );
  }
  const found = await queryListings(ctx.db, sql.join(conditions, sql` and `), query.limit + 1);
  const items = found.slice(0, query.limit);
  const last = items.at(-1);
  const nextCursor = found.length > query.limit && last ? encodeCursor(last) : null;
  return { items, nextCursor };
}

/** One transfer with its postings' accounts, as operators see it. */
export async function findTransferListing(executor: Executor, transferId: string): Promise<TransferListing | null> {
  const [found] = await queryListings(executor, sql`t.id = ${transferId}`, 1);
  return found ?? null;
}

async function queryListings(executor: Executor, where: SQL, limit: number): Promise<TransferListing[]> {
  const result = await executor.execute<ListingRow>(sql`
    select t.*,
           (select json_agg(json_build_object('account_id', p.account_id, 'currency', p.currency,
                   'amount_cents', p.amount_cents) order by p.amount_cents, p.account_id)
              from ledger_postings p where p.transfer_id = t.id) as postings,
           (select json_agg(json_build_object('account_id', a.id, 'owner_kind', a.owner_kind,
                   'owner_id', a.owner_id, 'kind', a.kind))
              from ledger_accounts a
             where a.id in (select p.account_id from ledger_postings p where p.transfer_id = t.id)) as accounts
      from ledger_transfers t
     where ${where}
     order by t.created_at desc, t.id desc
     limit ${limit}`);
  return result.rows.map((row) => {
    const transfer = toTransfer(row);
    const accounts = new Map((row.accounts ?? []).map((account) => [account.account_id, account]));
    return {
      ...transfer,
      postings: transfer.postings.map((posting) => {
        const account = accounts.get(posting.accountId);
        return {
          ...posting,
          ownerKind: account?.owner_kind ?? 'unknown',
          ownerId: account?.owner_id ?? posting.accountId,
          kind: account?.kind ?? 'unknown',
        };
      }),
    };
  });
}
