import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import { invalidField } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Actor, type Ctx, requireActor } from '../../server/context.ts';
import { recordFile } from '../contract-record/index.ts';
import { attachFile, getFilesMeta } from '../files/index.ts';
import { utcText } from '../payouts/index.ts';
import { acceptanceCriteriaOf, checkDeliverables } from './acceptance-criteria.ts';
import { lockContractAs, lockMilestone, requireFixedPrice } from './access.ts';
import { announce } from './contract-events.ts';
import { AUTO_APPROVE_AFTER_MS, lifecycleLimits } from './limits.ts';
import { saveMilestone } from './milestone-rows.ts';
import { type DeliverableCheck, milestoneSubmissions } from './tables.ts';
import { milestoneTransition, requireActiveContract } from './transitions.ts';

export const SUBMISSION_FILE_KIND = 'submission';

export type Submission = typeof milestoneSubmissions.$inferSelect;

export interface SubmitMilestoneInput {
  contractId: string;
  milestoneId: string;
  /** What the freelancer tells the client about the work. */
  message: string;
  /** Uploads made with purpose `submission`. */
  fileIds: string[];
  /** One check per acceptance criterion of the milestone (acceptanceCriteriaOf). */
  deliverables: DeliverableCheck[];
}

/** POST /api/contracts/:id/milestones/:mid/submit: the freelancer submits work for approval. */
export async function submitMilestone(ctx: Ctx, input: SubmitMilestoneInput): Promise<Submission> {
  const actor = requireActor(ctx);
  return ctx.tx((tx) => submitMilestoneAs(tx, ctx.clock, actor, input));
}

/**
 * The submission in the caller's transaction (a status report marking a milestone 100% complete
 * submits it this way). The client then has 14 days to approve or ask for changes.
 */
export async function submitMilestoneAs(
  tx: Tx,
  clock: Clock,
  actor: Actor,
  input: SubmitMilestoneInput,
): Promise<Submission> {
  const message = input.message.trim();
  if (message.length === 0) throw invalidField('message', 'Tell the client what you are submitting.');
  if (message.length > lifecycleLimits.messageMax) {
    throw invalidField('message', `Use at most ${lifecycleLimits.messageMax} characters.`);
  }
  if (input.fileIds.length > lifecycleLimits.filesMax) {
    throw invalidField('fileIds', `Attach at most ${lifecycleLimits.filesMax} files.`);
  }
  const { contract, side } = await lockContractAs(tx, actor, input.contractId);
  const milestone = await lockMilestone(tx, contract.id, input.milestoneId);
  requireFixedPrice(contract);
  const to = milestoneTransition(milestone.state, 'submit', side);
  requireActiveContract(contract.state);
  const deliverables = checkDeliverables(acceptanceCriteriaOf(milestone.acceptanceCriteria), input.deliverables);

  const now = clock.now();
  const id = newId();
  const fileIds = [...new Set(input.fileIds)];
  for (const [index, fileId] of fileIds.entries()) {
    await attachFile(tx, {
      fileId,
      ownerKind: SUBMISSION_FILE_KIND,
      ownerId: id,
      uploadedBy: actor.userId,
      field: `fileIds.${index}`,
    });
  }
  const earlier = await tx
    .select({ id: milestoneSubmissions.id })
    .from(milestoneSubmissions)
    .where(eq(milestoneSubmissions.milestoneId, milestone.id));
  const [submission] = await tx
    .insert(milestoneSubmissions)
    .values({
      id,
      contractId: contract.id,
      milestoneId: milestone.id,
      round: earlier.length + 1,
      submittedBy: actor.userId,
      message,
      fileIds,
      deliverables,
      submittedAt: now,
      reviewDueAt: new Date(now.getTime() + AUTO_APPROVE_AFTER_MS),
      outcome: 'pending',
    })
    .returning();
  if (!submission) throw new Error('submission insert returned no row');
  await saveMilestone(tx, milestone.id, { state: to }, now);

  const metas = await getFilesMeta(tx, fileIds);
  const files = fileIds.flatMap((fileId) => {
    const meta = metas.get(fileId);
    return meta ? [recordFile(meta)] : [];
  });
  const met = deliverables.filter((check) => check.met).length;
  const due = utcText(submission.reviewDueAt);
  await announce(tx, clock, contract, {
    kind: 'milestone.submitted',
    actorId: actor.userId,
    summary: `Milestone ${milestone.position} submitted for approval: ${milestone.title} (round ${submission.round}, ${met} of ${deliverables.length} criteria met)`,
    message: `Milestone ${milestone.position} submitted for approval: ${milestone.title}. It is approved automatically on ${due} unless the client answers first.`,
    data: {
      milestoneId: milestone.id,
      submissionId: submission.id,
      round: submission.round,
      message,
      deliverables,
      files,
      reviewDueAt: submission.reviewDueAt.toISOString(),
    },
    notify: [
      {
        userId: contract.clientId,
        kind: 'milestone.submitted',
        title: `Work submitted for approval: ${milestone.title}`,
        body: `Approve it or ask for changes by ${due}; after that it is approved and paid automatically.`,
      },
    ],
  });
  return submission;
}
