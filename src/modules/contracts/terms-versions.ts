import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Tx } from '../../db/transaction.ts';
import { AppError } from '../../platform/errors.ts';
import { type ContractTerms, contracts, contractTermsVersions } from './tables.ts';

export interface TermsVersion {
  version: number;
  terms: ContractTerms;
  proposedBy: string | null;
  acceptedBy: string | null;
  note: string;
  createdAt: Date;
}

/** Every terms version of a contract, oldest first. No access check: callers check the reader. */
export async function listTermsVersions(executor: Executor, contractId: string): Promise<TermsVersion[]> {
  return executor
    .select({
      version: contractTermsVersions.version,
      terms: contractTermsVersions.terms,
      proposedBy: contractTermsVersions.proposedBy,
      acceptedBy: contractTermsVersions.acceptedBy,
      note: contractTermsVersions.note,
      createdAt: contractTermsVersions.createdAt,
    })
    .from(contractTermsVersions)
    .where(eq(contractTermsVersions.contractId, contractId))
    .orderBy(asc(contractTermsVersions.version));
}

/** One terms version, or null. */
export async function getTermsVersion(
  executor: Executor,
  contractId: string,
  version: number,
): Promise<TermsVersion | null> {
  const versions = await executor
    .select()
    .from(contractTermsVersions)
    .where(and(eq(contractTermsVersions.contractId, contractId), eq(contractTermsVersions.version, version)));
  return versions[0] ?? null;
}

/**
 * Puts new terms in force as the next version, in the caller's transaction. `afterVersion` is the
 * version the change was made against: if another version took effect meanwhile, nothing is
 * written and the caller gets a 409 (the change must be made again against the terms in force).
 */
export async function addTermsVersion(
  tx: Tx,
  input: {
    contractId: string;
    afterVersion: number;
    terms: ContractTerms;
    proposedBy: string;
    acceptedBy: string;
    note: string;
    at: Date;
  },
): Promise<number> {
  const version = input.afterVersion + 1;
  const [updated] = await tx
    .update(contracts)
    .set({ termsVersion: version, title: input.terms.title, updatedAt: input.at })
    .where(and(eq(contracts.id, input.contractId), eq(contracts.termsVersion, input.afterVersion)))
    .returning({ id: contracts.id });
  if (!updated) {
    throw new AppError('conflict', {
      userMessage: 'The terms changed since this change was proposed. Propose it again against the terms in force.',
      details: { afterVersion: input.afterVersion },
    });
  }
  await tx.insert(contractTermsVersions).values({
    contractId: input.contractId,
    version,
    terms: input.terms,
    proposedBy: input.proposedBy,
    acceptedBy: input.acceptedBy,
    note: input.note,
    createdAt: input.at,
  });
  return version;
}
