import type { Executor } from '../../db/client.ts';
import type { Tx } from '../../db/transaction.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { type Actor, hasRole } from '../../server/context.ts';
import { type ContractParties, getContractParties } from '../contracts/contract-parties.ts';

const isParty = (contract: ContractParties, userId: string) =>
  contract.clientId === userId || contract.freelancerId === userId;

/** The contract's reports, for its parties and operators; anyone else gets a 404. */
export async function reportsForReader(executor: Executor, actor: Actor, contractId: string): Promise<ContractParties> {
  const contract = await getContractParties(executor, contractId);
  if (!contract || !(isParty(contract, actor.userId) || hasRole(actor, 'operator'))) throw notFound('Contract');
  return contract;
}

/** Whether this reader may file a report now (the web app shows the form only then). */
export const canFileReports = (contract: ContractParties, actor: Actor): boolean =>
  contract.freelancerId === actor.userId && contract.type === 'fixed' && contract.state === 'active';

/**
 * The contract, for its freelancer filing a report: fixed price, still running. The contract row
 * is share-locked so it cannot end while the report commits.
 */
export async function contractForFiling(tx: Tx, actor: Actor, contractId: string): Promise<ContractParties> {
  const contract = await getContractParties(tx, contractId, { lock: 'share' });
  if (!contract || !(isParty(contract, actor.userId) || hasRole(actor, 'operator'))) throw notFound('Contract');
  if (contract.freelancerId !== actor.userId) {
    throw new AppError('forbidden', { userMessage: 'Only the freelancer of this contract files status reports.' });
  }
  if (contract.type !== 'fixed') {
    throw new AppError('invalid_state', {
      userMessage: 'Status reports are for fixed-price contracts; hourly work is reported in the work diary.',
      details: { type: contract.type },
    });
  }
  if (contract.state !== 'active') {
    throw new AppError('invalid_state', {
      userMessage: `This contract is ${contract.ended ? 'ended' : 'ending'}: its reports can be read but no new report can be filed.`,
      details: { state: contract.state },
    });
  }
  return contract;
}
