import { inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Role } from '../../server/context.ts';
import { users } from './tables.ts';

/** What any signed-in user may see about another user (no email, nothing private). */
export interface PublicUser {
  id: string;
  displayName: string;
  roles: Role[];
  memberSince: Date;
  lastActiveAt: Date | null;
}

/** Public facts about users by id, for other modules (profiles, jobs...) to show names. */
export async function getPublicUsers(executor: Executor, ids: string[]): Promise<Map<string, PublicUser>> {
  const unique = [...new Set(ids)];
  const found = new Map<string, PublicUser>();
  if (unique.length === 0) return found;
  const rows = await executor
    .select({
      id: users.id,
      displayName: users.displayName,
      roles: users.roles,
      createdAt: users.createdAt,
      lastActiveAt: users.lastActiveAt,
    })
    .from(users)
    .where(inArray(users.id, unique));
  for (const row of rows) {
    found.set(row.id, {
      id: row.id,
      displayName: row.displayName,
      roles: row.roles as Role[],
      memberSince: row.createdAt,
      lastActiveAt: row.lastActiveAt,
    });
  }
  return found;
}
