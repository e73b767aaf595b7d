import { and, asc, gt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Role } from '../../server/context.ts';
import { users } from './tables.ts';

/**
 * Ids of the users who have `role`, in id order, one page at a time (`afterId` is the last id of
 * the previous page), for tasks that visit every freelancer or client (e.g. the monthly Connects).
 */
export async function listUserIdsWithRole(
  executor: Executor,
  role: Role,
  page: { afterId?: string | null; limit: number },
): Promise<string[]> {
  const hasRole = sql`${role} = any(${users.roles})`;
  const rows = await executor
    .select({ id: users.id })
    .from(users)
    .where(page.afterId ? and(hasRole, gt(users.id, page.afterId)) : hasRole)
    .orderBy(asc(users.id))
    .limit(page.limit);
  return rows.map((row) => row.id);
}
