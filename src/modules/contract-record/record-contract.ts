import type { Executor } from '../../db/client.ts';
import { getPublicUsers } from '../accounts/public-users.ts';
import type { ContractParties } from '../contracts/contract-parties.ts';
import type { RecordEntry } from './record-entry.ts';

export interface Person {
  userId: string;
  name: string;
}

/** The contract as a record shows it: who the parties are and which terms are in force. */
export interface RecordContract {
  id: string;
  title: string;
  state: string;
  termsVersion: number;
  client: Person;
  freelancer: Person;
}

/** Names for the parties and every actor of the given entries (operators may act too). */
export async function namesFor(
  executor: Executor,
  contract: ContractParties,
  entries: readonly RecordEntry[],
): Promise<{ contract: RecordContract; nameOf: (userId: string | null) => string }> {
  const ids = [contract.clientId, contract.freelancerId, ...entries.flatMap((entry) => entry.actorId ?? [])];
  const users = await getPublicUsers(executor, ids);
  const nameOf = (userId: string | null) =>
    userId === null ? 'Workroom' : (users.get(userId)?.displayName ?? 'A former member');
  return {
    contract: {
      id: contract.contractId,
      title: contract.title,
      state: contract.state,
      termsVersion: contract.termsVersion,
      client: { userId: contract.clientId, name: nameOf(contract.clientId) },
      freelancer: { userId: contract.freelancerId, name: nameOf(contract.freelancerId) },
    },
    nameOf,
  };
}
