import { type Ctx, requireActor } from '../../server/context.ts';
import { appendRecordEntry } from '../contract-record/index.ts';
import { notify } from '../notifications/notify.ts';
import { lockChange, otherParty, termsForParty } from './access.ts';
import { saveAnswer } from './answer-change.ts';
import { type TermsChangeView, viewChange } from './change-view.ts';
import { transition } from './transitions.ts';

/** POST .../terms-changes/:changeId/decline: the other party declines, saying why; the terms stay. */
export async function declineTermsChange(
  ctx: Ctx,
  contractId: string,
  changeId: string,
  reason: string,
): Promise<TermsChangeView> {
  const actor = requireActor(ctx);
  return ctx.tx(async (tx) => {
    const change = await lockChange(tx, contractId, changeId);
    const contract = await termsForParty(tx, actor, contractId);
    const state = transition(change.state, 'decline', change.proposedBy === actor.userId);
    const now = ctx.clock.now();
    const saved = await saveAnswer(tx, change, { state, by: actor.userId, at: now, declineReason: reason });
    await appendRecordEntry(tx, ctx.clock, {
      contractId: contract.contractId,
      kind: 'terms.change_declined',
      actorId: actor.userId,
      summary: `Change of terms declined: ${reason}`.slice(0, 2000),
      data: { changeId: change.id, reason },
      at: now,
    });
    await notify(tx, ctx.clock, {
      userId: change.proposedBy,
      kind: 'terms.change_declined',
      title: `Your change of terms was declined: ${contract.title}`,
      body: reason,
      link: `/contracts/${contract.contractId}?tab=terms`,
    });
    return viewChange(tx, contract, actor, saved);
  });
}

/** POST .../terms-changes/:changeId/withdraw: who proposed it takes it back before an answer. */
export async function withdrawTermsChange(ctx: Ctx, contractId: string, changeId: string): Promise<TermsChangeView> {
  const actor = requireActor(ctx);
  return ctx.tx(async (tx) => {
    const change = await lockChange(tx, contractId, changeId);
    const contract = await termsForParty(tx, actor, contractId);
    const state = transition(change.state, 'withdraw', change.proposedBy === actor.userId);
    const now = ctx.clock.now();
    const saved = await saveAnswer(tx, change, { state, by: actor.userId, at: now });
    await appendRecordEntry(tx, ctx.clock, {
      contractId: contract.contractId,
      kind: 'terms.change_withdrawn',
      actorId: actor.userId,
      summary: 'Change of terms withdrawn by who proposed it',
      data: { changeId: change.id },
      at: now,
    });
    await notify(tx, ctx.clock, {
      userId: otherParty(contract, actor.userId),
      kind: 'terms.change_withdrawn',
      title: `A proposed change of terms was withdrawn: ${contract.title}`,
      link: `/contracts/${contract.contractId}?tab=terms`,
    });
    return viewChange(tx, contract, actor, saved);
  });
}
