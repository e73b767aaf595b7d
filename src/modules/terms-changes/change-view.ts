import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../server/context.ts';
import { getPublicUsers } from '../accounts/public-users.ts';
import type { ContractParties } from '../contracts/contract-parties.ts';
import { getTermsVersion } from '../contracts/terms-versions.ts';
import type { TermsChangeRow } from './access.ts';
import { diffTerms, type TermsDiff } from './diff-terms.ts';
import { termsChanges } from './tables.ts';
import type { ChangeAction } from './transitions.ts';

export interface TermsChangeView {
  row: TermsChangeRow;
  proposedBy: { userId: string; name: string };
  answeredBy: { userId: string; name: string } | null;
  diff: TermsDiff;
  actions: ChangeAction[];
}

export async function changesOf(executor: Executor, contractId: string): Promise<TermsChangeRow[]> {
  return executor
    .select()
    .from(termsChanges)
    .where(eq(termsChanges.contractId, contractId))
    .orderBy(desc(termsChanges.createdAt), desc(termsChanges.id));
}

/** What a party may do with a change now (an operator or a reader of an ended contract: nothing). */
function actionsFor(row: TermsChangeRow, contract: ContractParties, actor: Actor): ChangeAction[] {
  const isParty = contract.clientId === actor.userId || contract.freelancerId === actor.userId;
  if (row.state !== 'pending' || !isParty || contract.state !== 'active') return [];
  return row.proposedBy === actor.userId ? ['withdraw'] : ['accept', 'decline'];
}

export async function viewChanges(
  executor: Executor,
  contract: ContractParties,
  actor: Actor,
  rows: TermsChangeRow[],
): Promise<TermsChangeView[]> {
  const users = await getPublicUsers(
    executor,
    rows.flatMap((row) => [row.proposedBy, ...(row.answeredBy ? [row.answeredBy] : [])]),
  );
  const person = (userId: string) => ({ userId, name: users.get(userId)?.displayName ?? 'A former member' });
  const views: TermsChangeView[] = [];
  for (const row of rows) {
    const base = await getTermsVersion(executor, row.contractId, row.baseVersion);
    if (!base) throw new Error(`terms change ${row.id} has no base version ${row.baseVersion}`);
    views.push({
      row,
      proposedBy: person(row.proposedBy),
      answeredBy: row.answeredBy ? person(row.answeredBy) : null,
      diff: diffTerms(base.terms, row.proposedTerms),
      actions: actionsFor(row, contract, actor),
    });
  }
  return views;
}

export async function viewChange(
  executor: Executor,
  contract: ContractParties,
  actor: Actor,
  row: TermsChangeRow,
): Promise<TermsChangeView> {
  const [view] = await viewChanges(executor, contract, actor, [row]);
  if (!view) throw new Error('terms change has no view');
  return view;
}
