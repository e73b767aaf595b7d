import { invalidField } from '../../platform/errors.ts';
import type { DeliverableCheck } from './tables.ts';

const BULLET = /^\s*(?:[-*•]|\d+[.)])\s+/;

/**
 * A milestone's acceptance criteria as a checklist: one criterion per non-empty line of its
 * acceptance criteria text (list bullets and numbers dropped), each once.
 */
export function acceptanceCriteriaOf(text: string): string[] {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.replace(BULLET, '').trim())
    .filter((line) => line.length > 0);
  return [...new Set(lines)];
}

/**
 * The submitted checks, one per criterion in the criteria's order; refuses a check of something
 * that is not a criterion, a criterion checked twice, and a criterion left unchecked.
 */
export function checkDeliverables(criteria: string[], checks: DeliverableCheck[]): DeliverableCheck[] {
  const byCriterion = new Map<string, DeliverableCheck>();
  checks.forEach((check, index) => {
    const criterion = check.criterion.trim();
    if (!criteria.includes(criterion)) {
      throw invalidField(`deliverables.${index}.criterion`, 'This is not one of the milestone’s acceptance criteria.');
    }
    if (byCriterion.has(criterion)) {
      throw invalidField(`deliverables.${index}.criterion`, 'This criterion is already checked above.');
    }
    byCriterion.set(criterion, { criterion, met: check.met, note: check.note.trim() });
  });
  const missing = criteria.find((criterion) => !byCriterion.has(criterion));
  if (missing !== undefined) {
    throw invalidField('deliverables', `Say whether each acceptance criterion is met; missing: “${missing}”.`);
  }
  return criteria.map((criterion) => byCriterion.get(criterion) as DeliverableCheck);
}
