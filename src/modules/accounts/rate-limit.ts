import { lt, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Executor } from '../../db/client.ts';
import { MINUTE } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { Services } from '../../server/context.ts';
import { rateLimitBuckets } from './tables.ts';

/**
 * Counts one hit in a fixed one-minute window kept in PostgreSQL, so the limit holds across
 * every app process sharing the database. Throws 429 with Retry-After once `limit` is passed.
 */
export async function consumeRateLimit(
  executor: Executor,
  input: { key: string; limit: number; now: Date; windowMs?: number },
): Promise<void> {
  const windowMs = input.windowMs ?? MINUTE;
  const windowStart = new Date(Math.floor(input.now.getTime() / windowMs) * windowMs);
  // One statement: concurrent requests from several processes serialise on the row.
  const [bucket] = await executor
    .insert(rateLimitBuckets)
    .values({ key: input.key, windowStart, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimitBuckets.key,
      set: {
        hits: sql`case when ${rateLimitBuckets.windowStart} >= excluded.window_start then ${rateLimitBuckets.hits} + 1 else 1 end`,
        windowStart: sql`greatest(${rateLimitBuckets.windowStart}, excluded.window_start)`,
      },
    })
    .returning({ hits: rateLimitBuckets.hits, windowStart: rateLimitBuckets.windowStart });
  if (!bucket || bucket.hits <= input.limit) return;
  const retryAfterMs = bucket.windowStart.getTime() + windowMs - input.now.getTime();
  throw new AppError('rate_limited', {
    userMessage: 'Too many attempts from your network. Please wait a minute and try again.',
    retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
  });
}

/** A route hook limiting an auth endpoint per client IP to RATE_LIMIT_AUTH_PER_MINUTE. */
export function authRateLimit(services: Services, action: string) {
  return async (request: FastifyRequest): Promise<void> => {
    await consumeRateLimit(services.db, {
      key: `auth:${action}:${request.ip}`,
      limit: services.config.RATE_LIMIT_AUTH_PER_MINUTE,
      now: services.clock.now(),
    });
  };
}

/** Forgets windows long past, so the table stays as small as the number of recent callers. */
export async function purgeRateLimitBuckets(executor: Executor, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - 60 * MINUTE);
  const deleted = await executor
    .delete(rateLimitBuckets)
    .where(lt(rateLimitBuckets.windowStart, cutoff))
    .returning({ key: rateLimitBuckets.key });
  return deleted.length;
}
