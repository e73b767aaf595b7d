import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { getPublicUsers } from '../accounts/public-users.ts';
import { escrowAccount, getBalanceByKey } from '../ledger/accounts.ts';
import type { ContractRow, MilestoneRow } from './create-contract.ts';
import { type ContractTerms, contractMilestones, contractTermsVersions } from './tables.ts';

export interface ContractView {
  row: ContractRow;
  client: { userId: string; name: string };
  freelancer: { userId: string; name: string };
  terms: { version: number; terms: ContractTerms; createdAt: Date };
  milestones: MilestoneRow[];
  escrowBalanceCents: number;
}

export async function milestonesOf(executor: Executor, contractId: string): Promise<MilestoneRow[]> {
  return executor
    .select()
    .from(contractMilestones)
    .where(eq(contractMilestones.contractId, contractId))
    .orderBy(asc(contractMilestones.position));
}

/** A contract with its terms in force, milestones and escrow balance (from the ledger). */
export async function viewContract(executor: Executor, row: ContractRow): Promise<ContractView> {
  const [terms] = await executor
    .select()
    .from(contractTermsVersions)
    .where(and(eq(contractTermsVersions.contractId, row.id), eq(contractTermsVersions.version, row.termsVersion)));
  if (!terms) throw new Error(`contract ${row.id} has no terms version ${row.termsVersion}`);
  const users = await getPublicUsers(executor, [row.clientId, row.freelancerId]);
  return {
    row,
    client: { userId: row.clientId, name: users.get(row.clientId)?.displayName ?? 'Client' },
    freelancer: { userId: row.freelancerId, name: users.get(row.freelancerId)?.displayName ?? 'Freelancer' },
    terms: { version: terms.version, terms: terms.terms, createdAt: terms.createdAt },
    milestones: await milestonesOf(executor, row.id),
    escrowBalanceCents: await getBalanceByKey(executor, escrowAccount(row.id, row.currency)),
  };
}
