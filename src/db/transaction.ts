import { setTimeout as sleep } from 'node:timers/promises';
import type { Db, Executor } from './client.ts';

export type Tx = Executor;

/** SQLSTATEs after which the whole transaction can safely be run again. */
const RETRYABLE = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected

export function pgErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export interface TransactionOptions {
  isolationLevel?: 'read committed' | 'repeatable read' | 'serializable';
  maxAttempts?: number;
}

/**
 * Runs `work` in one transaction, retrying it from the start on serialization failures and
 * deadlocks. `work` must therefore be free of side effects outside the database.
 */
export async function inTransaction<T>(
  db: Db,
  work: (tx: Tx) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 8;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work, {
        isolationLevel: options.isolationLevel ?? 'read committed',
      });
    } catch (error) {
      const code = pgErrorCode(error);
      if (!code || !RETRYABLE.has(code) || attempt >= maxAttempts) throw error;
      // Jittered exponential backoff so racing transactions stop colliding.
      await sleep(Math.random() * Math.min(200, 5 * 2 ** attempt));
    }
  }
}
