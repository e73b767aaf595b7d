import { and, eq } from 'drizzle-orm';
import { AppError, invalidField } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { appendRecordEntry } from '../contract-record/index.ts';
import { milestonesOf } from '../contracts/index.ts';
import { getTermsVersion } from '../contracts/terms-versions.ts';
import { notify } from '../notifications/notify.ts';
import { otherParty, termsForParty } from './access.ts';
import { applyChange } from './apply-change.ts';
import type { TermsChange } from './change.ts';
import { type TermsChangeView, viewChange } from './change-view.ts';
import { diffTerms, isEmptyDiff } from './diff-terms.ts';
import type { ProposeTermsChangeInput } from './schemas.ts';
import { changeSummary } from './summaries.ts';
import { termsChanges } from './tables.ts';

function toChange(input: ProposeTermsChangeInput): TermsChange {
  return {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.deliverables !== undefined ? { deliverables: input.deliverables } : {}),
    addMilestones: input.milestones.add.map((milestone) => ({ id: newId(), ...milestone })),
    changeMilestones: input.milestones.change,
    removeMilestones: input.milestones.remove,
  };
}

/**
 * POST /api/contracts/:id/terms-changes: either party proposes a change of the terms in force.
 * Nothing changes until the other party accepts; one change waits at a time.
 */
export async function proposeTermsChange(
  ctx: Ctx,
  contractId: string,
  input: ProposeTermsChangeInput,
): Promise<TermsChangeView> {
  const actor = requireActor(ctx);
  return ctx.tx(async (tx) => {
    const contract = await termsForParty(tx, actor, contractId);
    const [waiting] = await tx
      .select({ id: termsChanges.id })
      .from(termsChanges)
      .where(and(eq(termsChanges.contractId, contract.contractId), eq(termsChanges.state, 'pending')));
    if (waiting) {
      throw new AppError('conflict', {
        userMessage: 'A change of terms is already waiting for an answer. It must be answered or withdrawn first.',
        details: { changeId: waiting.id },
      });
    }
    const base = await getTermsVersion(tx, contract.contractId, contract.termsVersion);
    if (!base) throw new Error(`contract ${contract.contractId} has no terms version ${contract.termsVersion}`);
    const now = ctx.clock.now();
    const change = toChange(input);
    const rows = await milestonesOf(tx, contract.contractId);
    const { terms, refunds } = applyChange(base.terms, rows, change, now.toISOString().slice(0, 10));
    const diff = diffTerms(base.terms, terms);
    if (isEmptyDiff(diff)) throw invalidField('body', 'This change leaves the terms as they are.');
    const [row] = await tx
      .insert(termsChanges)
      .values({
        id: newId(),
        contractId: contract.contractId,
        proposedBy: actor.userId,
        baseVersion: base.version,
        change,
        proposedTerms: terms,
        refunds,
        note: input.note,
        state: 'pending',
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('terms change insert returned no row');
    await appendRecordEntry(tx, ctx.clock, {
      contractId: contract.contractId,
      kind: 'terms.change_proposed',
      actorId: actor.userId,
      summary: `Change of terms proposed: ${changeSummary(diff, refunds, contract.currency)}`,
      data: { changeId: row.id, baseVersion: base.version, note: input.note, diff, refunds },
      at: now,
    });
    await notify(tx, ctx.clock, {
      userId: otherParty(contract, actor.userId),
      kind: 'terms.change_proposed',
      title: `A change of terms waits for your answer: ${contract.title}`,
      body: changeSummary(diff, refunds, contract.currency),
      link: `/contracts/${contract.contractId}?tab=terms`,
    });
    return viewChange(tx, contract, actor, row);
  });
}
