import type { Executor } from '../../db/client.ts';
import type { Role } from '../../server/context.ts';
import { type AccountPosting, type AccountPostingsFilter, listAccountPostings } from '../ledger/account-postings.ts';
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
export type StatementPosting = AccountPosting;

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

/** The ledger filter for one kind of transaction as the user names it. */
function typeFilter(type: TransactionType | undefined): Partial<AccountPostingsFilter> {
  if (!type) return {};
  if (type === 'fee') return { feeOnly: true };
  if (type === 'adjustment') return { exceptReasons: KNOWN_REASONS };
  return { reasons: reasonsByType[type] };
}

/** A page of a user's postings, newest first, each with its running balance. */
export async function statementPostings(executor: Executor, filter: StatementFilter): Promise<StatementPosting[]> {
  return listAccountPostings(executor, {
    accountIds: filter.accountIds,
    feeOwnerAccountIds: filter.userAccountIds,
    beforePostingId: filter.beforePostingId,
    from: filter.from,
    to: filter.to,
    ...typeFilter(filter.type),
    limit: filter.limit,
  });
}
