import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { contracts } from './tables.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who is in a contract and whether it still runs: what other modules need to authorize. */
export interface ContractParties {
  contractId: string;
  title: string;
  type: 'hourly' | 'fixed';
  clientId: string;
  freelancerId: string;
  state: string;
  /** After the end the parties keep read access but can no longer act. */
  ended: boolean;
  termsVersion: number;
  currency: string;
}

/**
 * A contract's parties and state, or null (also for a malformed id). With `lock: 'share'` the row
 * is held against a concurrent change of state (ending) until the caller's transaction ends.
 */
export async function getContractParties(
  executor: Executor,
  contractId: string,
  options: { lock?: 'share' } = {},
): Promise<ContractParties | null> {
  if (!UUID.test(contractId)) return null;
  const query = executor
    .select({
      contractId: contracts.id,
      title: contracts.title,
      type: contracts.type,
      clientId: contracts.clientId,
      freelancerId: contracts.freelancerId,
      state: contracts.state,
      endedAt: contracts.endedAt,
      termsVersion: contracts.termsVersion,
      currency: contracts.currency,
    })
    .from(contracts)
    .where(eq(contracts.id, contractId));
  const [row] = options.lock === 'share' ? await query.for('share') : await query;
  if (!row) return null;
  const { endedAt, ...parties } = row;
  return {
    ...parties,
    type: parties.type === 'hourly' ? 'hourly' : 'fixed',
    ended: row.state === 'ended' || endedAt !== null,
  };
}
