import type { Executor } from '../../db/client.ts';
import type { Tx } from '../../db/transaction.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { type Actor, hasRole } from '../../server/context.ts';
import { type ContractParties, getContractParties } from '../contracts/contract-parties.ts';

const isParty = (contract: ContractParties, userId: string) =>
  contract.clientId === userId || contract.freelancerId === userId;

/** The contract's board, for its parties and operators; anyone else gets a 404. */
export async function boardForReader(executor: Executor, actor: Actor, contractId: string): Promise<ContractParties> {
  const contract = await getContractParties(executor, contractId);
  if (!contract || !(isParty(contract, actor.userId) || hasRole(actor, 'operator'))) throw notFound('Contract');
  return contract;
}

/**
 * The contract's board for a change: only the parties, only while the contract runs. The contract
 * row is share-locked so it cannot end while the change commits.
 */
export async function boardForEditor(tx: Tx, actor: Actor, contractId: string): Promise<ContractParties> {
  const contract = await getContractParties(tx, contractId, { lock: 'share' });
  if (!contract || !(isParty(contract, actor.userId) || hasRole(actor, 'operator'))) throw notFound('Contract');
  if (!isParty(contract, actor.userId)) {
    throw new AppError('forbidden', { userMessage: 'Operators can read the task board but not change it.' });
  }
  if (contract.ended) {
    throw new AppError('invalid_state', {
      userMessage: 'This contract has ended: its task board can be read but no longer changed.',
      details: { state: contract.state },
    });
  }
  return contract;
}
