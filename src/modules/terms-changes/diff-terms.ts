import type { ContractTerms } from '../contracts/index.ts';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

type Milestone = NonNullable<ContractTerms['fixed']>['milestones'][number];

export interface TermsDiff {
  fields: FieldChange[];
  milestones: {
    added: Milestone[];
    removed: Milestone[];
    changed: { id: string; title: string; changes: FieldChange[] }[];
  };
}

const MILESTONE_FIELDS = ['title', 'description', 'amountCents', 'dueDate', 'acceptanceCriteria'] as const;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function compare(changes: FieldChange[], field: string, before: unknown, after: unknown): void {
  if (!same(before, after)) changes.push({ field, before: before ?? null, after: after ?? null });
}

/**
 * What differs between two versions of a contract's terms: top-level fields with before and
 * after (deliverables as a whole list), and milestones (known by id) added, removed or changed
 * field by field.
 */
export function diffTerms(before: ContractTerms, after: ContractTerms): TermsDiff {
  const fields: FieldChange[] = [];
  for (const field of ['title', 'description', 'deliverables', 'type', 'currency', 'startDate'] as const) {
    compare(fields, field, before[field], after[field]);
  }
  for (const field of ['rateCents', 'weeklyLimitHours', 'manualTimeAllowed'] as const) {
    compare(fields, `hourly.${field}`, before.hourly?.[field], after.hourly?.[field]);
  }
  compare(fields, 'fixed.totalCents', before.fixed?.totalCents, after.fixed?.totalCents);
  compare(fields, 'feeScheduleVersion', before.feeScheduleVersion, after.feeScheduleVersion);

  const oldMilestones = before.fixed?.milestones ?? [];
  const newMilestones = after.fixed?.milestones ?? [];
  const changed: TermsDiff['milestones']['changed'] = [];
  for (const next of newMilestones) {
    const previous = oldMilestones.find((milestone) => milestone.id === next.id);
    if (!previous) continue;
    const changes: FieldChange[] = [];
    for (const field of MILESTONE_FIELDS) compare(changes, field, previous[field], next[field]);
    if (changes.length > 0) changed.push({ id: next.id, title: next.title, changes });
  }
  return {
    fields,
    milestones: {
      added: newMilestones.filter((next) => !oldMilestones.some((milestone) => milestone.id === next.id)),
      removed: oldMilestones.filter((previous) => !newMilestones.some((milestone) => milestone.id === previous.id)),
      changed,
    },
  };
}

export const isEmptyDiff = (diff: TermsDiff): boolean =>
  diff.fields.length === 0 &&
  diff.milestones.added.length === 0 &&
  diff.milestones.removed.length === 0 &&
  diff.milestones.changed.length === 0;
