import { invalidField } from '../../platform/errors.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { withdrawalsByIds } from '../payouts/index.ts';
import { type TransactionLine, toLines } from './lines.ts';
import { type StatementAccount, statementAccountsFor, statementPostings } from './statement.ts';
import type { StatementAccountName, TransactionType } from './transaction-types.ts';

export interface TransactionQuery {
  account?: StatementAccountName;
  type?: TransactionType;
  /** A UTC day (YYYY-MM-DD, inclusive) or an instant. */
  from?: string;
  /** A UTC day (YYYY-MM-DD, inclusive) or an instant (exclusive). */
  to?: string;
  cursor?: string;
  limit: number;
}

export interface TransactionPage {
  accounts: StatementAccount[];
  lines: TransactionLine[];
  nextCursor: string | null;
}

const DAY_MS = 86_400_000;

/** "2026-01-31" is that whole UTC day; an ISO instant is taken as is. */
function parseBound(field: 'from' | 'to', value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const at = new Date(day ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(at.getTime())) throw invalidField(field, 'Use a date like 2026-01-31.');
  return day && field === 'to' ? new Date(at.getTime() + DAY_MS) : at;
}

const encodeCursor = (postingId: number) => Buffer.from(`p${postingId}`).toString('base64url');

function decodeCursor(cursor: string): number {
  const match = /^p(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw invalidField('cursor', 'This cursor is not valid; start again from the first page.');
  return Number(match[1]);
}

/**
 * A page of the signed-in user's transaction history, newest first: every charge, earning, fee,
 * refund and withdrawal on their statement accounts, with the running balance of the account each
 * row is on. Filtered by account, type and date range; paged by posting (keyset).
 */
export async function listTransactions(ctx: Ctx, query: TransactionQuery): Promise<TransactionPage> {
  const actor = requireActor(ctx);
  const from = parseBound('from', query.from);
  const to = parseBound('to', query.to);
  if (from && to && from.getTime() >= to.getTime()) throw invalidField('to', 'The end date is before the start date.');
  const accounts = await statementAccountsFor(ctx.db, actor);
  const listed = query.account ? accounts.filter((account) => account.name === query.account) : accounts;
  const postings = await statementPostings(ctx.db, {
    userAccountIds: accounts.map((account) => account.id),
    accountIds: listed.map((account) => account.id),
    beforePostingId: query.cursor ? decodeCursor(query.cursor) : undefined,
    from,
    to,
    type: query.type,
    limit: query.limit + 1,
  });
  const page = postings.slice(0, query.limit);
  const withdrawals = await withdrawalsByIds(
    ctx.db,
    page.flatMap((posting) => (posting.withdrawalId ? [posting.withdrawalId] : [])),
  );
  const statuses = new Map([...withdrawals].map(([id, withdrawal]) => [id, withdrawal.state as string]));
  const lines = toLines(page, new Map(accounts.map((account) => [account.id, account])), statuses).filter(
    (line) => !query.type || line.type === query.type,
  );
  const last = page.at(-1);
  return { accounts, lines, nextCursor: postings.length > query.limit && last ? encodeCursor(last.postingId) : null };
}
