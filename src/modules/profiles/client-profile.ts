import { inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { clientProfiles } from './tables.ts';

/** A client's profile; `saved` is false for the blank default shown before the first save. */
export interface ClientProfile {
  userId: string;
  saved: boolean;
  name: string;
  company: string | null;
  description: string;
  country: string | null;
  city: string | null;
  timeZone: string;
  updatedAt: Date | null;
}

export function blankClientProfile(userId: string, displayName: string): ClientProfile {
  return {
    userId,
    saved: false,
    name: displayName,
    company: null,
    description: '',
    country: null,
    city: null,
    timeZone: 'UTC',
    updatedAt: null,
  };
}

export async function loadClientProfiles(executor: Executor, userIds: string[]): Promise<Map<string, ClientProfile>> {
  if (userIds.length === 0) return new Map();
  const rows = await executor
    .select()
    .from(clientProfiles)
    .where(inArray(clientProfiles.userId, [...new Set(userIds)]));
  return new Map(
    rows.map((row) => [
      row.userId,
      {
        userId: row.userId,
        saved: true,
        name: row.name,
        company: row.company,
        description: row.description,
        country: row.country,
        city: row.city,
        timeZone: row.timeZone,
        updatedAt: row.updatedAt,
      },
    ]),
  );
}

export async function loadClientProfile(executor: Executor, userId: string): Promise<ClientProfile | null> {
  return (await loadClientProfiles(executor, [userId])).get(userId) ?? null;
}
