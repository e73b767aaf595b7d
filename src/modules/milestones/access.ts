import { and, eq, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Tx } from '../../db/transaction.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { type Actor, hasRole } from '../../server/context.ts';
import type { ContractRow, MilestoneRow } from '../contracts/index.ts';
import { contractMilestones, contracts } from '../contracts/tables.ts';

export type Side = 'client' | 'freelancer';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const sideOf = (contract: ContractRow, userId: string): Side | null =>
  contract.clientId === userId ? 'client' : contract.freelancerId === userId ? 'freelancer' : null;

/**
 * The contract as its parties and operators may read it; anyone else gets the 404 of a contract
 * that does not exist.
 */
export async function contractForReader(
  executor: Executor,
  actor: Actor,
  contractId: string,
): Promise<{ contract: ContractRow; side: Side | 'operator' }> {
  if (!UUID.test(contractId)) throw notFound('Contract');
  const party = or(eq(contracts.clientId, actor.userId), eq(contracts.freelancerId, actor.userId));
  const operator = hasRole(actor, 'operator');
  const [row] = await executor
    .select()
    .from(contracts)
    .where(operator ? eq(contracts.id, contractId) : and(eq(contracts.id, contractId), party));
  if (!row) throw notFound('Contract');
  return { contract: row, side: sideOf(row, actor.userId) ?? 'operator' };
}

/**
 * Locks the contract row for the rest of the transaction: every lifecycle action on a contract
 * takes this lock first, so actions on one contract (an approval and an end, two approvals) run
 * one after the other and each sees what the previous one did.
 */
export async function lockContract(tx: Tx, contractId: string): Promise<ContractRow> {
  if (!UUID.test(contractId)) throw notFound('Contract');
  const [row] = await tx.select().from(contracts).where(eq(contracts.id, contractId)).for('update');
  if (!row) throw notFound('Contract');
  return row;
}

/** The contract locked for one of its parties acting; 404 for strangers, 403 for operators. */
export async function lockContractAs(
  tx: Tx,
  actor: Actor,
  contractId: string,
): Promise<{ contract: ContractRow; side: Side }> {
  const { side } = await contractForReader(tx, actor, contractId);
  if (side === 'operator') {
    throw new AppError('forbidden', { userMessage: 'Operators can read this contract but not act for its parties.' });
  }
  return { contract: await lockContract(tx, contractId), side };
}

/** A milestone of this contract, locked; 404 if the contract has no such milestone. */
export async function lockMilestone(tx: Tx, contractId: string, milestoneId: string): Promise<MilestoneRow> {
  if (!UUID.test(milestoneId)) throw notFound('Milestone');
  const [row] = await tx
    .select()
    .from(contractMilestones)
    .where(and(eq(contractMilestones.id, milestoneId), eq(contractMilestones.contractId, contractId)))
    .for('update');
  if (!row) throw notFound('Milestone');
  return row;
}

/** Every milestone of the contract, locked, in position order. */
export async function lockMilestones(tx: Tx, contractId: string): Promise<MilestoneRow[]> {
  return tx
    .select()
    .from(contractMilestones)
    .where(eq(contractMilestones.contractId, contractId))
    .orderBy(contractMilestones.position)
    .for('update');
}

export const inEscrowOf = (milestone: MilestoneRow): number =>
  milestone.fundedCents - milestone.releasedCents - milestone.refundedCents;

/** A fixed-price contract; hourly contracts have no milestones to fund or approve. */
export function requireFixedPrice(contract: ContractRow): void {
  if (contract.type !== 'fixed') {
    throw new AppError('invalid_state', {
      userMessage: 'This is an hourly contract: it is paid by the week, not by milestones.',
      fields: [{ field: 'type', message: 'The contract is hourly.' }],
    });
  }
}
