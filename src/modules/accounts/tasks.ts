import { and, isNotNull, lt, or } from 'drizzle-orm';
import { DAY, HOUR } from '../../platform/clock.ts';
import type { ScheduledTask } from '../../server/module.ts';
import { purgeRateLimitBuckets } from './rate-limit.ts';
import { passwordResets, sessions } from './tables.ts';

/** Ended sessions stay this long (for support questions), then go. */
const ENDED_SESSION_RETENTION_MS = 30 * DAY;

export const accountTasks: ScheduledTask[] = [
  {
    name: 'accounts.purge-expired',
    everyMs: HOUR,
    async run(ctx) {
      return ctx.tx(async (tx) => {
        const now = ctx.clock.now();
        const cutoff = new Date(now.getTime() - ENDED_SESSION_RETENTION_MS);
        const buckets = await purgeRateLimitBuckets(tx, now);
        const oldSessions = await tx
          .delete(sessions)
          .where(or(lt(sessions.expiresAt, cutoff), and(isNotNull(sessions.revokedAt), lt(sessions.revokedAt, cutoff))))
          .returning({ id: sessions.id });
        const oldResets = await tx
          .delete(passwordResets)
          .where(lt(passwordResets.expiresAt, new Date(now.getTime() - DAY)))
          .returning({ id: passwordResets.id });
        return { processed: buckets + oldSessions.length + oldResets.length };
      });
    },
  },
];
