import { invalidField } from '../../platform/errors.ts';
import type { ContractTerms, MilestoneRow } from '../contracts/index.ts';
import type { EscrowRefund, TermsChange } from './change.ts';
import { termsLimits } from './limits.ts';

const stateWords: Record<string, string> = {
  not_funded: 'not funded',
  funded: 'funded',
  submitted: 'submitted for approval',
  changes_requested: 'waiting for changes',
  approved: 'approved and paid',
  refunded: 'refunded',
};

const inEscrow = (row: MilestoneRow) => row.fundedCents - row.releasedCents - row.refundedCents;

/** States in which a milestone's terms can still change (work not delivered or settled). */
const OPEN = new Set(['not_funded', 'funded', 'changes_requested']);

function openRow(rows: MilestoneRow[], milestoneId: string, field: string): MilestoneRow {
  const row = rows.find((candidate) => candidate.id === milestoneId);
  if (!row) throw invalidField(field, 'Not a milestone of this contract.');
  if (!OPEN.has(row.state)) {
    throw invalidField(
      field,
      `This milestone is ${stateWords[row.state] ?? row.state}: its terms can no longer change.${
        row.state === 'submitted' ? ' Approve it or request changes first.' : ''
      }`,
    );
  }
  return row;
}

/**
 * The terms a change leads to, and the escrow it returns to the client. Funded money only goes
 * back with the change's explicit `refundEscrow` (the freelancer agrees by proposing or accepting
 * it); a funded milestone's amount can be lowered but not raised (add a milestone or pay a bonus).
 * Errors name the request field at fault.
 */
export function applyChange(
  current: ContractTerms,
  rows: MilestoneRow[],
  change: TermsChange,
  today: string,
): { terms: ContractTerms; refunds: EscrowRefund[] } {
  const touchesMilestones =
    change.addMilestones.length + change.changeMilestones.length + change.removeMilestones.length > 0;
  if (touchesMilestones && !current.fixed) {
    throw invalidField('milestones', 'Only fixed-price contracts have milestones.');
  }
  const refunds: EscrowRefund[] = [];
  const touched = new Set<string>();
  let milestones = [...(current.fixed?.milestones ?? [])];

  change.changeMilestones.forEach((edit, index) => {
    const field = `milestones.change.${index}`;
    if (touched.has(edit.milestoneId)) throw invalidField(`${field}.milestoneId`, 'This milestone is changed twice.');
    touched.add(edit.milestoneId);
    const row = openRow(rows, edit.milestoneId, `${field}.milestoneId`);
    const held = inEscrow(row);
    if (edit.dueDate !== undefined && edit.dueDate < today && edit.dueDate !== row.dueDate) {
      throw invalidField(`${field}.dueDate`, 'A due date cannot be in the past.');
    }
    if (edit.amountCents !== undefined && row.state !== 'not_funded') {
      if (edit.amountCents > row.amountCents) {
        throw invalidField(
          `${field}.amountCents`,
          'A funded milestone cannot be raised: add a milestone for more work, or pay a bonus.',
        );
      }
      if (edit.amountCents < held) {
        if (!edit.refundEscrow) {
          throw invalidField(
            `${field}.refundEscrow`,
            'This milestone is funded: lowering it refunds the difference to the client, which needs refundEscrow and the freelancer’s agreement.',
          );
        }
        refunds.push({ milestoneId: row.id, title: row.title, amountCents: held - edit.amountCents });
      }
    }
    milestones = milestones.map((milestone) =>
      milestone.id === edit.milestoneId
        ? {
            ...milestone,
            title: edit.title ?? milestone.title,
            description: edit.description ?? milestone.description,
            amountCents: edit.amountCents ?? milestone.amountCents,
            dueDate: edit.dueDate ?? milestone.dueDate,
            acceptanceCriteria: edit.acceptanceCriteria ?? milestone.acceptanceCriteria,
          }
        : milestone,
    );
  });

  change.removeMilestones.forEach((removal, index) => {
    const field = `milestones.remove.${index}`;
    if (touched.has(removal.milestoneId))
      throw invalidField(`${field}.milestoneId`, 'This milestone is changed twice.');
    touched.add(removal.milestoneId);
    const row = openRow(rows, removal.milestoneId, `${field}.milestoneId`);
    const held = inEscrow(row);
    if (held > 0) {
      if (!removal.refundEscrow) {
        throw invalidField(
          `${field}.refundEscrow`,
          'This milestone is funded: removing it refunds its escrow to the client, which needs refundEscrow and the freelancer’s agreement.',
        );
      }
      refunds.push({ milestoneId: row.id, title: row.title, amountCents: held });
    }
    milestones = milestones.filter((milestone) => milestone.id !== removal.milestoneId);
  });

  change.addMilestones.forEach((added, index) => {
    if (added.dueDate < today)
      throw invalidField(`milestones.add.${index}.dueDate`, 'A due date cannot be in the past.');
  });
  milestones = [...milestones, ...change.addMilestones];
  if (current.fixed && milestones.length === 0) {
    throw invalidField('milestones', 'A fixed-price contract keeps at least one milestone.');
  }
  if (milestones.length > termsLimits.milestonesMax) {
    throw invalidField('milestones.add', `A contract has at most ${termsLimits.milestonesMax} milestones.`);
  }

  const terms: ContractTerms = {
    ...current,
    title: change.title ?? current.title,
    description: change.description ?? current.description,
    deliverables: change.deliverables ?? current.deliverables,
    fixed: current.fixed
      ? { totalCents: milestones.reduce((sum, milestone) => sum + milestone.amountCents, 0), milestones }
      : null,
  };
  return { terms, refunds };
}
