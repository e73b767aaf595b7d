import type { Executor } from '../../db/client.ts';
import { invalidField } from '../../platform/errors.ts';
import type { ContractParties } from '../contracts/contract-parties.ts';
import { milestonesOf } from '../contracts/index.ts';

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 5000;
/** A board is a working list, not a backlog tool: past this, split the work into contracts. */
export const MAX_TASKS_PER_CONTRACT = 500;

/** The editable fields of a task; `undefined` means "not given" (PATCH), null means "none". */
export interface TaskFields {
  title?: string | undefined;
  description?: string | undefined;
  assigneeId?: string | null | undefined;
  dueDate?: string | null | undefined;
  milestoneId?: string | null | undefined;
}

export function checkTitle(title: string): string {
  const trimmed = title.trim();
  if (trimmed.length < 1 || trimmed.length > TITLE_MAX) {
    throw invalidField('title', `A task title has 1 to ${TITLE_MAX} characters.`);
  }
  return trimmed;
}

export function checkDescription(description: string): string {
  const trimmed = description.trim();
  if (trimmed.length > DESCRIPTION_MAX) {
    throw invalidField('description', `A task description has at most ${DESCRIPTION_MAX} characters.`);
  }
  return trimmed;
}

export function checkAssignee(contract: ContractParties, assigneeId: string | null): string | null {
  if (assigneeId !== null && assigneeId !== contract.clientId && assigneeId !== contract.freelancerId) {
    throw invalidField('assigneeId', 'Assign the task to the client, the freelancer or nobody.');
  }
  return assigneeId;
}

/** A linked milestone must be one of this contract's; returns its title for the record. */
export async function checkMilestone(
  executor: Executor,
  contract: ContractParties,
  milestoneId: string | null,
): Promise<{ id: string; title: string } | null> {
  if (milestoneId === null) return null;
  const milestone = (await milestonesOf(executor, contract.contractId)).find((row) => row.id === milestoneId);
  if (!milestone) throw invalidField('milestoneId', 'Link the task to a milestone of this contract, or to none.');
  return { id: milestone.id, title: milestone.title };
}
