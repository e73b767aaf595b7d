import type { Tx } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../../server/context.ts';
import type { MilestoneRow } from '../contracts/index.ts';
import { acceptanceCriteriaOf } from '../milestones/acceptance-criteria.ts';
import { submitMilestoneAs } from '../milestones/submit-milestone.ts';

/** Milestone states in which work can be submitted for approval. */
const SUBMITTABLE = new Set(['funded', 'changes_requested']);
const MESSAGE_MAX = 5000;

/**
 * Submits for approval each milestone a report marks 100% complete that is waiting for work
 * (funded, or changes requested), through the milestone lifecycle in the report's transaction;
 * returns the ids submitted. Others (not funded, already submitted or paid) are only reported.
 * Marking a milestone complete says every acceptance criterion is met.
 */
export async function submitCompletedMilestones(
  tx: Tx,
  clock: Clock,
  actor: Actor,
  input: { contractId: string; milestones: MilestoneRow[]; completedIds: string[]; week: string; message: string },
): Promise<string[]> {
  const submitted: string[] = [];
  for (const milestone of input.milestones) {
    if (!input.completedIds.includes(milestone.id) || !SUBMITTABLE.has(milestone.state)) continue;
    await submitMilestoneAs(tx, clock, actor, {
      contractId: input.contractId,
      milestoneId: milestone.id,
      message: input.message.slice(0, MESSAGE_MAX),
      fileIds: [],
      deliverables: acceptanceCriteriaOf(milestone.acceptanceCriteria).map((criterion) => ({
        criterion,
        met: true,
        note: '',
      })),
    });
    submitted.push(milestone.id);
  }
  return submitted;
}
