import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { ContractRow } from './create-contract.ts';
import { contracts } from './tables.ts';

/** The contract made from an offer, or null. No access check: callers scope by their own rows. */
export async function getContractByOffer(executor: Executor, offerId: string): Promise<ContractRow | null> {
  const [row] = await executor.select().from(contracts).where(eq(contracts.offerId, offerId));
  return row ?? null;
}
