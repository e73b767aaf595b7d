import { sql } from 'drizzle-orm';
import type { VerifyCheck, Violation } from '../../server/module.ts';
import { getContractParties } from '../contracts/contract-parties.ts';
import { milestonesOf } from '../contracts/index.ts';
import { contractTasks } from './tables.ts';

export const taskChecks: VerifyCheck[] = [
  {
    name: 'task-board-belongs-to-contract',
    description: "every task's assignee is a party and its milestone is one of its contract's",
    async run(tx): Promise<Violation[]> {
      const rows = await tx
        .select({ contractId: contractTasks.contractId })
        .from(contractTasks)
        .where(sql`${contractTasks.assigneeId} is not null or ${contractTasks.milestoneId} is not null`)
        .groupBy(contractTasks.contractId);
      const violations: Violation[] = [];
      for (const { contractId } of rows) {
        const contract = await getContractParties(tx, contractId);
        const milestoneIds = new Set((await milestonesOf(tx, contractId)).map((milestone) => milestone.id));
        const tasks = await tx.select().from(contractTasks).where(sql`${contractTasks.contractId} = ${contractId}`);
        for (const task of tasks) {
          if (task.assigneeId && contract && ![contract.clientId, contract.freelancerId].includes(task.assigneeId)) {
            violations.push({
              subject: `task ${task.id}`,
              message: `assigned to ${task.assigneeId}, not a party of contract ${contractId}`,
            });
          }
          if (task.milestoneId && !milestoneIds.has(task.milestoneId)) {
            violations.push({
              subject: `task ${task.id}`,
              message: `linked to milestone ${task.milestoneId}, not one of contract ${contractId}'s`,
            });
          }
        }
      }
      return violations;
    },
  },
];
