import type { Tx } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import type { ContractParties } from '../contracts/contract-parties.ts';
import type { MilestoneRow } from '../contracts/index.ts';
import {
  addMilestone,
  changeMilestone,
  refundFundedMilestone,
  removeMilestone,
} from '../milestones/change-milestones.ts';
import type { TermsChange } from './change.ts';
import type { TermsDiff } from './diff-terms.ts';

/**
 * Makes the milestone rows follow an accepted terms version, through the milestone lifecycle:
 * changed milestones get their new terms (a lowered funded one refunds the excess), removed ones
 * are deleted if they never held money or refunded if they did, and new ones are added unfunded.
 * The freelancer agreed to any refund: they proposed the change or accepted it.
 */
export async function applyToMilestones(
  tx: Tx,
  clock: Clock,
  input: {
    contract: ContractParties;
    rows: MilestoneRow[];
    change: TermsChange;
    diff: TermsDiff;
    version: number;
    actorId: string;
  },
): Promise<void> {
  const { contract, version } = input;
  const contractId = contract.contractId;
  for (const edit of input.change.changeMilestones) {
    const changed = input.diff.milestones.changed.find((item) => item.id === edit.milestoneId);
    if (!changed) continue;
    const changes = Object.fromEntries(changed.changes.map((field) => [field.field, field.after]));
    await changeMilestone(tx, clock, {
      contractId,
      milestoneId: edit.milestoneId,
      changes,
      freelancerAgreed: true,
      termsVersion: version,
      actorId: input.actorId,
    });
  }
  for (const removal of input.change.removeMilestones) {
    const row = input.rows.find((candidate) => candidate.id === removal.milestoneId);
    if (row && row.fundedCents > 0) {
      await refundFundedMilestone(tx, clock, {
        contractId,
        milestoneId: removal.milestoneId,
        agreedBy: contract.freelancerId,
        reason: `removed by terms version ${version}`,
      });
    } else {
      await removeMilestone(tx, clock, { contractId, milestoneId: removal.milestoneId });
    }
  }
  for (const milestone of input.diff.milestones.added) {
    await addMilestone(tx, clock, { contractId, milestone, termsVersion: version, actorId: input.actorId });
  }
}
