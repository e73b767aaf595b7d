import { AppError } from '../../platform/errors.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { appendRecordEntry } from '../contract-record/index.ts';
import { addTermsVersion, getTermsVersion } from '../contracts/terms-versions.ts';
import { lockMilestones } from '../milestones/access.ts';
import { notify } from '../notifications/notify.ts';
import { lockChange, termsForParty } from './access.ts';
import { saveAnswer } from './answer-change.ts';
import { applyChange } from './apply-change.ts';
import { applyToMilestones } from './apply-to-milestones.ts';
import type { EscrowRefund } from './change.ts';
import { type TermsChangeView, viewChange } from './change-view.ts';
import { diffTerms } from './diff-terms.ts';
import { changeSummary } from './summaries.ts';
import { transition } from './transitions.ts';

/** Re-checks a change against the milestones as they are now; what became impossible is a 409. */
function applyNow(...args: Parameters<typeof applyChange>): ReturnType<typeof applyChange> {
  try {
    return applyChange(...args);
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') {
      throw new AppError('invalid_state', {
        userMessage: `This change no longer fits the contract: ${error.userMessage}`,
        details: { fields: error.fields },
      });
    }
    throw error;
  }
}

const refundKey = (refunds: EscrowRefund[]) =>
  refunds
    .map((refund) => `${refund.milestoneId}:${refund.amountCents}`)
    .sort()
    .join(',');
const sameRefunds = (a: EscrowRefund[], b: EscrowRefund[]) => refundKey(a) === refundKey(b);

/**
 * POST /api/contracts/:id/terms-changes/:changeId/accept: the other party accepts; the change
 * takes effect as the next terms version, the milestones follow it, and any escrow the change
 * returns is refunded to the client (the freelancer agreed: by proposing or by accepting).
 */
export async function acceptTermsChange(ctx: Ctx, contractId: string, changeId: string): Promise<TermsChangeView> {
  const actor = requireActor(ctx);
  return ctx.tx(async (tx) => {
    const change = await lockChange(tx, contractId, changeId);
    const contract = await termsForParty(tx, actor, contractId);
    const state = transition(change.state, 'accept', change.proposedBy === actor.userId);
    if (change.baseVersion !== contract.termsVersion) {
      throw new AppError('conflict', {
        userMessage: 'The terms changed since this change was proposed; it can only be declined or withdrawn.',
        details: { baseVersion: change.baseVersion, termsVersion: contract.termsVersion },
      });
    }
    const base = await getTermsVersion(tx, contract.contractId, change.baseVersion);
    if (!base) throw new Error(`contract ${contract.contractId} has no terms version ${change.baseVersion}`);
    const rows = await lockMilestones(tx, contract.contractId);
    const now = ctx.clock.now();
    const { terms, refunds } = applyNow(base.terms, rows, change.change, now.toISOString().slice(0, 10));
    if (!sameRefunds(refunds, change.refunds)) {
      throw new AppError('conflict', {
        userMessage: 'The escrow of a milestone changed since this change was proposed; propose it again.',
      });
    }
    const version = await addTermsVersion(tx, {
      contractId: contract.contractId,
      afterVersion: base.version,
      terms,
      proposedBy: change.proposedBy,
      acceptedBy: actor.userId,
      note: change.note || 'A change of terms',
      at: now,
    });
    const diff = diffTerms(base.terms, terms);
    await applyToMilestones(tx, ctx.clock, {
      contract,
      rows,
      change: change.change,
      diff,
      version,
      actorId: actor.userId,
    });
    const saved = await saveAnswer(tx, change, { state, by: actor.userId, at: now, resultingVersion: version });
    const summary = changeSummary(diff, refunds, contract.currency);
    await appendRecordEntry(tx, ctx.clock, {
      contractId: contract.contractId,
      kind: 'terms.version',
      actorId: actor.userId,
      summary: `Terms version ${version} agreed: ${summary}`,
      data: {
        version,
        changeId: change.id,
        proposedBy: change.proposedBy,
        acceptedBy: actor.userId,
        terms,
        diff,
        refunds,
      },
      at: now,
    });
    await notify(tx, ctx.clock, {
      userId: change.proposedBy,
      kind: 'terms.change_accepted',
      title: `Your change of terms was accepted: ${contract.title} is now on version ${version}`,
      body: summary,
      link: `/contracts/${contract.contractId}?tab=terms`,
    });
    return viewChange(tx, contract, actor, saved);
  });
}
