import { and, eq } from 'drizzle-orm';
import { invalidField } from '../../platform/errors.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { getPublicUsers } from '../accounts/public-users.ts';
import { listTermsVersions, type TermsVersion } from '../contracts/terms-versions.ts';
import { termsForReader } from './access.ts';
import { diffTerms, type TermsDiff } from './diff-terms.ts';
import { termsChanges } from './tables.ts';

type Person = { userId: string; name: string };

export interface TermsHistory {
  contractId: string;
  currentVersion: number;
  versions: (TermsVersion & { proposedByPerson: Person | null; acceptedByPerson: Person | null })[];
  canPropose: boolean;
}

/** GET /api/contracts/:id/terms: every terms version, oldest first (parties and operators). */
export async function getTermsHistory(ctx: Ctx, contractId: string): Promise<TermsHistory> {
  const actor = requireActor(ctx);
  const contract = await termsForReader(ctx.db, actor, contractId);
  const versions = await listTermsVersions(ctx.db, contract.contractId);
  const users = await getPublicUsers(
    ctx.db,
    versions.flatMap((version) => [version.proposedBy, version.acceptedBy].filter((id) => id !== null)),
  );
  const person = (userId: string | null) =>
    userId ? { userId, name: users.get(userId)?.displayName ?? 'A former member' } : null;
  const [waiting] = await ctx.db
    .select({ id: termsChanges.id })
    .from(termsChanges)
    .where(and(eq(termsChanges.contractId, contract.contractId), eq(termsChanges.state, 'pending')));
  const isParty = contract.clientId === actor.userId || contract.freelancerId === actor.userId;
  return {
    contractId: contract.contractId,
    currentVersion: contract.termsVersion,
    versions: versions.map((version) => ({
      ...version,
      proposedByPerson: person(version.proposedBy),
      acceptedByPerson: person(version.acceptedBy),
    })),
    canPropose: isParty && contract.state === 'active' && !waiting,
  };
}

/** GET /api/contracts/:id/terms/diff?from=&to=: what changed between two versions. */
export async function getTermsDiff(
  ctx: Ctx,
  contractId: string,
  query: { from: number; to: number },
): Promise<TermsDiff & { from: number; to: number }> {
  const actor = requireActor(ctx);
  const contract = await termsForReader(ctx.db, actor, contractId);
  const versions = await listTermsVersions(ctx.db, contract.contractId);
  const find = (field: 'from' | 'to') => {
    const found = versions.find((version) => version.version === query[field]);
    if (!found) throw invalidField(field, `This contract has terms versions 1 to ${versions.length}.`);
    return found;
  };
  return { from: query.from, to: query.to, ...diffTerms(find('from').terms, find('to').terms) };
}
