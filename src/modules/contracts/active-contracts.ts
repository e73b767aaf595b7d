import { and, asc, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { contracts } from './tables.ts';

/**
 * A page of running contracts of one type started before `startedBefore`, by id (for scheduled
 * tasks that visit every running contract, such as the status-report reminder).
 */
export async function listRunningContracts(
  executor: Executor,
  input: { type: 'fixed' | 'hourly'; startedBefore: Date; afterId: string | null; limit: number },
): Promise<{ id: string; title: string; clientId: string; freelancerId: string }[]> {
  return executor
    .select({
      id: contracts.id,
      title: contracts.title,
      clientId: contracts.clientId,
      freelancerId: contracts.freelancerId,
    })
    .from(contracts)
    .where(
      and(
        eq(contracts.type, input.type),
        eq(contracts.state, 'active'),
        isNull(contracts.endedAt),
        lt(contracts.createdAt, input.startedBefore),
        input.afterId ? gt(contracts.id, input.afterId) : undefined,
      ),
    )
    .orderBy(asc(contracts.id))
    .limit(input.limit);
}

/** When the contract was made (a report week or a billing week never starts before it). */
export async function contractStartedAt(executor: Executor, contractId: string): Promise<Date | null> {
  const [row] = await executor
    .select({ createdAt: contracts.createdAt })
    .from(contracts)
    .where(eq(contracts.id, contractId));
  return row?.createdAt ?? null;
}
