import { and, eq, max } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { MilestoneRow } from '../contracts/index.ts';
import { contractMilestones } from '../contracts/tables.ts';
import { refundEscrow } from '../ledger/movements.ts';
import { postTransfer } from '../ledger/post-transfer.ts';
import { offerLimits } from '../offers/index.ts';
import { inEscrowOf, lockContract, lockMilestone, requireFixedPrice } from './access.ts';
import { announce, money } from './contract-events.ts';
import { saveMilestone } from './milestone-rows.ts';
import { milestoneSubmissions } from './tables.ts';
import { milestoneTransition, requireActiveContract } from './transitions.ts';

/*
 * What an accepted terms change does to the milestones (the terms-change use case calls these in
 * its transaction, after recording the new terms version). A funded milestone's money only ever
 * goes down by a refund the freelancer agreed to.
 */

export interface MilestoneTerms {
  title: string;
  description: string;
  amountCents: number;
  /** YYYY-MM-DD */
  dueDate: string | null;
  acceptanceCriteria: string;
}

function checkTerms(terms: Partial<MilestoneTerms>, field: string): void {
  const limits = offerLimits;
  const length = (value: string | undefined, min: number, maxLength: number, name: string) => {
    if (value === undefined) return;
    const size = value.trim().length;
    if (size < min || size > maxLength) {
      throw invalidField(`${field}.${name}`, `Use ${min} to ${maxLength} characters.`);
    }
  };
  length(terms.title, limits.milestoneTitleMin, limits.milestoneTitleMax, 'title');
  length(terms.description, 0, limits.milestoneDescriptionMax, 'description');
  length(terms.acceptanceCriteria, limits.acceptanceCriteriaMin, limits.acceptanceCriteriaMax, 'acceptanceCriteria');
  if (
    terms.amountCents !== undefined &&
    (!Number.isSafeInteger(terms.amountCents) ||
      terms.amountCents < limits.milestoneMinCents ||
      terms.amountCents > limits.totalMaxCents)
  ) {
    throw invalidField(
      `${field}.amountCents`,
      `A milestone is between ${money(limits.milestoneMinCents, 'USD')} and ${money(limits.totalMaxCents, 'USD')}.`,
    );
  }
  if (terms.dueDate && !/^\d{4}-\d{2}-\d{2}$/.test(terms.dueDate)) {
    throw invalidField(`${field}.dueDate`, 'Use a date like 2026-12-31.');
  }
}

const frozen = (milestone: MilestoneRow) =>
  new AppError('invalid_state', {
    userMessage: `Milestone ${milestone.position} is ${milestone.state}; it can no longer change.`,
    fields: [{ field: 'state', message: `The milestone is ${milestone.state}.` }],
    details: { state: milestone.state },
  });

/** Adds a milestone (not funded) at the end of an active fixed-price contract. */
export async function addMilestone(
  tx: Tx,
  clock: Clock,
  input: {
    contractId: string;
    milestone: MilestoneTerms & { id?: string };
    termsVersion: number;
    actorId: string | null;
  },
): Promise<MilestoneRow> {
  checkTerms(input.milestone, 'milestone');
  const contract = await lockContract(tx, input.contractId);
  requireFixedPrice(contract);
  requireActiveContract(contract.state);
  const now = clock.now();
  const [last] = await tx
    .select({ position: max(contractMilestones.position) })
    .from(contractMilestones)
    .where(eq(contractMilestones.contractId, contract.id));
  const [row] = await tx
    .insert(contractMilestones)
    .values({
      id: input.milestone.id ?? newId(),
      contractId: contract.id,
      position: (last?.position ?? 0) + 1,
      title: input.milestone.title.trim(),
      description: input.milestone.description.trim(),
      amountCents: input.milestone.amountCents,
      currency: contract.currency,
      dueDate: input.milestone.dueDate,
      acceptanceCriteria: input.milestone.acceptanceCriteria.trim(),
      state: 'not_funded',
      termsVersion: input.termsVersion,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('milestone insert returned no row');
  await announce(tx, clock, contract, {
    kind: 'milestone.added',
    actorId: input.actorId,
    summary: `Milestone ${row.position} added: ${row.title} (${money(row.amountCents, row.currency)})`,
    message: false,
    data: {
      milestoneId: row.id,
      termsVersion: input.termsVersion,
      amountCents: row.amountCents,
      currency: row.currency,
    },
  });
  return row;
}

/**
 * Refunds a funded milestone's escrow to the client, with the freelancer's agreement
 * (`agreedBy` must be the contract's freelancer): the milestone becomes `refunded`.
 */
export async function refundFundedMilestone(
  tx: Tx,
  clock: Clock,
  input: { contractId: string; milestoneId: string; agreedBy: string; reason: string },
): Promise<MilestoneRow> {
  const contract = await lockContract(tx, input.contractId);
  const milestone = await lockMilestone(tx, contract.id, input.milestoneId);
  const by = input.agreedBy === contract.freelancerId ? 'freelancer' : 'client';
  const to = milestoneTransition(milestone.state, 'refund', by);
  requireActiveContract(contract.state);
  const now = clock.now();
  const held = inEscrowOf(milestone);
  if (held > 0) {
    await postTransfer(
      tx,
      refundEscrow({
        idempotencyKey: `milestone:refund:${milestone.id}`,
        at: now,
        clientId: contract.clientId,
        contractId: contract.id,
        currency: contract.currency,
        amountCents: held,
        memo: `Milestone ${milestone.position} refunded: ${input.reason}`.slice(0, 500),
        refs: { contractId: contract.id, milestoneId: milestone.id, userId: contract.clientId },
      }),
    );
  }
  await tx
    .update(milestoneSubmissions)
    .set({ outcome: 'closed', respondedAt: now })
    .where(and(eq(milestoneSubmissions.milestoneId, milestone.id), eq(milestoneSubmissions.outcome, 'pending')));
  const refunded = await saveMilestone(
    tx,
    milestone.id,
    { state: to, refundedCents: milestone.refundedCents + held },
    now,
  );
  await announce(tx, clock, contract, {
    kind: 'milestone.refunded',
    actorId: input.agreedBy,
    summary: `Milestone ${milestone.position} refunded: ${money(held, contract.currency)} back to the client (${input.reason})`,
    data: { milestoneId: milestone.id, amountCents: held, currency: contract.currency, reason: input.reason },
    notify: [
      {
        userId: contract.clientId,
        kind: 'milestone.refunded',
        title: `${money(held, contract.currency)} returned to your Workroom funds`,
        body: `Milestone ${milestone.position}: ${milestone.title}`,
      },
    ],
  });
  return refunded;
}

/**
 * Changes a milestone's terms. Not funded: anything. Funded (or with work submitted): the text and
 * due date, and the amount only downwards, with `freelancerAgreed`; the escrow above the new
 * amount goes back to the client. Approved and refunded milestones no longer change.
 */
export async function changeMilestone(
  tx: Tx,
  clock: Clock,
  input: {
    contractId: string;
    milestoneId: string;
    changes: Partial<MilestoneTerms>;
    freelancerAgreed: boolean;
    termsVersion: number;
    actorId: string | null;
  },
): Promise<MilestoneRow> {
  checkTerms(input.changes, 'changes');
  const contract = await lockContract(tx, input.contractId);
  requireActiveContract(contract.state);
  const milestone = await lockMilestone(tx, contract.id, input.milestoneId);
  if (milestone.state === 'approved' || milestone.state === 'refunded') throw frozen(milestone);
  const now = clock.now();
  const { amountCents, ...text } = input.changes;
  let refundedCents = milestone.refundedCents;
  if (amountCents !== undefined && milestone.state !== 'not_funded' && amountCents !== milestone.amountCents) {
    if (amountCents > milestone.amountCents) {
      throw new AppError('invalid_state', {
        userMessage: 'A funded milestone cannot grow; add a milestone for the extra work.',
        fields: [{ field: 'changes.amountCents', message: 'The milestone is funded.' }],
        details: { state: milestone.state },
      });
    }
    if (!input.freelancerAgreed) {
      throw new AppError('forbidden', {
        userMessage: 'A funded milestone is only lowered by a refund the freelancer agrees to.',
      });
    }
    const excess = inEscrowOf(milestone) - amountCents;
    if (excess > 0) {
      await postTransfer(
        tx,
        refundEscrow({
          idempotencyKey: `milestone:reduce:${milestone.id}:${input.termsVersion}`,
          at: now,
          clientId: contract.clientId,
          contractId: contract.id,
          currency: contract.currency,
          amountCents: excess,
          memo: `Milestone ${milestone.position} lowered to ${money(amountCents, contract.currency)}`,
          refs: { contractId: contract.id, milestoneId: milestone.id, userId: contract.clientId },
        }),
      );
      refundedCents += excess;
      await announce(tx, clock, contract, {
        kind: 'milestone.refunded',
        actorId: input.actorId,
        summary: `Milestone ${milestone.position} lowered to ${money(amountCents, contract.currency)}: ${money(excess, contract.currency)} back to the client`,
        data: {
          milestoneId: milestone.id,
          amountCents: excess,
          currency: contract.currency,
          termsVersion: input.termsVersion,
        },
      });
    }
  }
  return saveMilestone(
    tx,
    milestone.id,
    {
      ...(text.title !== undefined ? { title: text.title.trim() } : {}),
      ...(text.description !== undefined ? { description: text.description.trim() } : {}),
      ...(text.acceptanceCriteria !== undefined ? { acceptanceCriteria: text.acceptanceCriteria.trim() } : {}),
      ...(text.dueDate !== undefined ? { dueDate: text.dueDate } : {}),
      ...(amountCents !== undefined ? { amountCents } : {}),
      refundedCents,
    },
    now,
  );
}

/** Removes a milestone nobody funded or worked on; a funded one is refunded instead. */
export async function removeMilestone(
  tx: Tx,
  _clock: Clock,
  input: { contractId: string; milestoneId: string },
): Promise<void> {
  const contract = await lockContract(tx, input.contractId);
  requireActiveContract(contract.state);
  const milestone = await lockMilestone(tx, contract.id, input.milestoneId);
  if (milestone.state !== 'not_funded' || milestone.fundedCents > 0) {
    throw new AppError('invalid_state', {
      userMessage: `Milestone ${milestone.position} is ${milestone.state}; refund it (with the freelancer’s agreement) instead of removing it.`,
      fields: [{ field: 'state', message: `The milestone is ${milestone.state}.` }],
      details: { state: milestone.state },
    });
  }
  await tx.delete(contractMilestones).where(eq(contractMilestones.id, milestone.id));
}
