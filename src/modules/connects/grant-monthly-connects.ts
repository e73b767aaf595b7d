import { and, eq, inArray, like } from 'drizzle-orm';
import { inTransaction } from '../../db/transaction.ts';
import type { Services } from '../../server/context.ts';
import type { ScheduledTask } from '../../server/module.ts';
import { listUserIdsWithRole } from '../accounts/users-with-role.ts';
import { creditConnects } from './credit-connects.ts';
import { connectsRules, grantMonth } from './rules.ts';
import { connectsLots } from './tables.ts';

const PAGE = 500;

const monthlyKey = (userId: string, month: string) => `monthly:${userId}:${month}`;

/** Gives one freelancer this month's free Connects, once (keyed by user and month). */
export async function grantMonthlyConnectsTo(
  services: Pick<Services, 'db' | 'clock'>,
  userId: string,
): Promise<boolean> {
  const now = services.clock.now();
  const month = grantMonth(now);
  const { created } = await inTransaction(services.db, (tx) =>
    creditConnects(tx, {
      userId,
      amount: connectsRules.monthlyGrant,
      source: 'monthly_grant',
      grantKey: monthlyKey(userId, month),
      at: now,
      memo: `Free Connects for ${month}`,
    }),
  );
  return created;
}

/**
 * The monthly grant for every freelancer who has not had this month's yet. Idempotent per
 * freelancer and month (the lot's unique key), so running it hourly only grants what is missing.
 */
export async function grantMonthlyConnects(services: Pick<Services, 'db' | 'clock'>): Promise<{ processed: number }> {
  const month = grantMonth(services.clock.now());
  let processed = 0;
  let afterId: string | null = null;
  for (;;) {
    const ids: string[] = await listUserIdsWithRole(services.db, 'freelancer', { afterId, limit: PAGE });
    if (ids.length === 0) return { processed };
    const granted = await services.db
      .select({ userId: connectsLots.userId })
      .from(connectsLots)
      .where(
        and(
          inArray(connectsLots.userId, ids),
          eq(connectsLots.source, 'monthly_grant'),
          like(connectsLots.grantKey, `monthly:%:${month}`),
        ),
      );
    const done = new Set(granted.map((row) => row.userId));
    for (const userId of ids) {
      if (!done.has(userId) && (await grantMonthlyConnectsTo(services, userId))) processed += 1;
    }
    afterId = ids.at(-1) ?? null;
  }
}

export const monthlyConnectsTask: ScheduledTask = {
  name: 'connects.monthly-grant',
  // Hourly, so a new freelancer gets the month's Connects within the hour and a new month starts on time.
  everyMs: 60 * 60_000,
  run: grantMonthlyConnects,
};
