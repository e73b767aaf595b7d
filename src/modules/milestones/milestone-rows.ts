import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import { newId } from '../../platform/ids.ts';
import type { MilestoneRow } from '../contracts/index.ts';
import { contractMilestones } from '../contracts/tables.ts';
import { inEscrowOf } from './access.ts';
import { milestoneCarries } from './tables.ts';

type MilestoneChange = Partial<
  Pick<
    MilestoneRow,
    | 'state'
    | 'fundedCents'
    | 'releasedCents'
    | 'refundedCents'
    | 'clientFeeCents'
    | 'fundedAt'
    | 'title'
    | 'description'
    | 'amountCents'
    | 'dueDate'
    | 'acceptanceCriteria'
  >
>;

/** The one writer of a milestone's lifecycle columns (state and money). */
export async function saveMilestone(tx: Tx, id: string, change: MilestoneChange, at: Date): Promise<MilestoneRow> {
  const [row] = await tx
    .update(contractMilestones)
    .set({ ...change, updatedAt: at })
    .where(eq(contractMilestones.id, id))
    .returning();
  if (!row) throw new Error(`milestone ${id} vanished`);
  return row;
}

/**
 * Escrow a partial approval left behind: it stays on the approved milestone (its
 * `funded - released - refunded`) until the next milestone is funded, which takes it first.
 */
export const leftoverOf = (milestones: MilestoneRow[]): number =>
  milestones.filter((milestone) => milestone.state === 'approved').reduce((sum, m) => sum + inEscrowOf(m), 0);

/**
 * Moves up to `wantedCents` of leftover escrow from approved milestones (oldest first) to
 * `target`'s funding: the money does not move in the ledger (it is in the contract's escrow
 * already), only which milestone it is held for. Returns how much was carried.
 */
export async function carryLeftovers(
  tx: Tx,
  input: { milestones: MilestoneRow[]; target: MilestoneRow; wantedCents: number; at: Date },
): Promise<number> {
  let carried = 0;
  for (const source of input.milestones) {
    if (source.state !== 'approved' || source.id === input.target.id) continue;
    const take = Math.min(inEscrowOf(source), input.wantedCents - carried);
    if (take <= 0) continue;
    await saveMilestone(tx, source.id, { fundedCents: source.fundedCents - take }, input.at);
    await tx.insert(milestoneCarries).values({
      id: newId(),
      contractId: source.contractId,
      fromMilestoneId: source.id,
      toMilestoneId: input.target.id,
      amountCents: take,
      createdAt: input.at,
    });
    carried += take;
  }
  return carried;
}
