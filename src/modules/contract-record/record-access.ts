import type { Executor } from '../../db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { type Actor, hasRole } from '../../server/context.ts';
import { type ContractParties, getContractParties } from '../contracts/contract-parties.ts';

export const isParty = (contract: ContractParties, userId: string): boolean =>
  contract.clientId === userId || contract.freelancerId === userId;

/**
 * The contract, for its two parties and for operators (who read records to settle disputes);
 * anyone else gets the same 404 as for a contract that does not exist.
 */
export async function contractForReader(
  executor: Executor,
  actor: Actor,
  contractId: string,
): Promise<ContractParties> {
  const contract = await getContractParties(executor, contractId);
  if (!contract || !(isParty(contract, actor.userId) || hasRole(actor, 'operator'))) throw notFound('Contract');
  return contract;
}

/** The contract, for its parties only: an operator may read it but not act as a party. */
export async function contractForParty(
  executor: Executor,
  actor: Actor,
  contractId: string,
  refusal: string,
): Promise<ContractParties> {
  const contract = await contractForReader(executor, actor, contractId);
  if (!isParty(contract, actor.userId)) throw new AppError('forbidden', { userMessage: refusal });
  return contract;
}
