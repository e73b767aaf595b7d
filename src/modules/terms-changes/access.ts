import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Tx } from '../../db/transaction.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { type Actor, hasRole } from '../../server/context.ts';
import { type ContractParties, getContractParties } from '../contracts/contract-parties.ts';
import { termsChanges } from './tables.ts';

export type TermsChangeRow = typeof termsChanges.$inferSelect;

const isParty = (contract: ContractParties, userId: string) =>
  contract.clientId === userId || contract.freelancerId === userId;

/** The contract's terms, for its parties and operators; anyone else gets a 404. */
export async function termsForReader(executor: Executor, actor: Actor, contractId: string): Promise<ContractParties> {
  const contract = await getContractParties(executor, contractId);
  if (!contract || !(isParty(contract, actor.userId) || hasRole(actor, 'operator'))) throw notFound('Contract');
  return contract;
}

/**
 * The contract, for a party changing its terms while it runs. The row is share-locked so the
 * contract cannot end while the change commits.
 */
export async function termsForParty(tx: Tx, actor: Actor, contractId: string): Promise<ContractParties> {
  const contract = await getContractParties(tx, contractId, { lock: 'share' });
  if (!contract || !(isParty(contract, actor.userId) || hasRole(actor, 'operator'))) throw notFound('Contract');
  if (!isParty(contract, actor.userId)) {
    throw new AppError('forbidden', { userMessage: 'Operators can read the terms but not change them.' });
  }
  if (contract.state !== 'active') {
    throw new AppError('invalid_state', {
      userMessage: `This contract is ${contract.ended ? 'ended' : 'ending'}: its terms can be read but no longer changed.`,
      details: { state: contract.state },
    });
  }
  return contract;
}

/** A change of this contract, locked for its answer; 404 if it is not this contract's. */
export async function lockChange(tx: Tx, contractId: string, changeId: string): Promise<TermsChangeRow> {
  const [row] = await tx
    .select()
    .from(termsChanges)
    .where(and(eq(termsChanges.id, changeId), eq(termsChanges.contractId, contractId)))
    .for('update');
  if (!row) throw notFound('Terms change');
  return row;
}

export const otherParty = (contract: ContractParties, userId: string): string =>
  contract.clientId === userId ? contract.freelancerId : contract.clientId;
