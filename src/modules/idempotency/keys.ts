import { and, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { idempotencyKeys } from './tables.ts';

/** What a repeated request gets back: the first response, exactly. */
export interface StoredResponse {
  status: number;
  contentType: string;
  body: string;
}

export type ClaimResult =
  | { outcome: 'claimed' }
  | { outcome: 'replay'; response: StoredResponse }
  | { outcome: 'in_progress' }
  | { outcome: 'mismatch' };

export interface ClaimInput {
  userId: string;
  key: string;
  fingerprint: string;
  now: Date;
  /** How long a running request holds the key before a retry may presume it dead. */
  leaseMs: number;
}

/**
 * Records that a request with this key is starting, or says what to do instead: replay the
 * stored response, refuse a different request under the same key, or wait for the running one.
 * A running request whose lease ran out (its process died) is taken over.
 */
export async function claimIdempotencyKey(db: Executor, input: ClaimInput): Promise<ClaimResult> {
  const leaseUntil = new Date(input.now.getTime() + input.leaseMs);
  // Two attempts: the row may vanish between the insert and the read (a 5xx releases its key).
  for (let attempt = 0; attempt < 2; attempt++) {
    const inserted = await db
      .insert(idempotencyKeys)
      .values({
        userId: input.userId,
        key: input.key,
        fingerprint: input.fingerprint,
        state: 'running',
        leaseUntil,
        createdAt: input.now,
      })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length > 0) return { outcome: 'claimed' };

    const [row] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.userId, input.userId), eq(idempotencyKeys.key, input.key)));
    if (!row) continue;
    if (row.fingerprint !== input.fingerprint) return { outcome: 'mismatch' };
    if (row.state === 'completed') {
      return {
        outcome: 'replay',
        response: {
          status: row.responseStatus ?? 200,
          contentType: row.responseContentType ?? 'application/json; charset=utf-8',
          body: row.responseBody ?? '',
        },
      };
    }
    if (row.leaseUntil.getTime() > input.now.getTime()) return { outcome: 'in_progress' };
    const takenOver = await db
      .update(idempotencyKeys)
      .set({ leaseUntil })
      .where(
        and(
          eq(idempotencyKeys.userId, input.userId),
          eq(idempotencyKeys.key, input.key),
          eq(idempotencyKeys.state, 'running'),
          lt(idempotencyKeys.leaseUntil, input.now),
        ),
      )
      .returning({ key: idempotencyKeys.key });
    return takenOver.length > 0 ? { outcome: 'claimed' } : { outcome: 'in_progress' };
  }
  return { outcome: 'in_progress' };
}

/** Stores the final response of a claimed key, for replays. */
export async function completeIdempotencyKey(
  db: Executor,
  input: { userId: string; key: string; response: StoredResponse; now: Date },
): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({
      state: 'completed',
      responseStatus: input.response.status,
      responseContentType: input.response.contentType,
      responseBody: input.response.body,
      completedAt: input.now,
    })
    .where(and(eq(idempotencyKeys.userId, input.userId), eq(idempotencyKeys.key, input.key)));
}

/** Forgets a claimed key whose request failed in a way worth retrying (5xx, conflicts). */
export async function releaseIdempotencyKey(db: Executor, input: { userId: string; key: string }): Promise<void> {
  await db
    .delete(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.userId, input.userId),
        eq(idempotencyKeys.key, input.key),
        eq(idempotencyKeys.state, 'running'),
      ),
    );
}

/** Deletes keys created before `before` (done or abandoned), in batches; returns how many went. */
export async function purgeIdempotencyKeys(db: Executor, before: Date, batchSize = 5_000): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await db.execute(sql`
      delete from ${idempotencyKeys}
       where (${idempotencyKeys.userId}, ${idempotencyKeys.key}) in (
         select ${idempotencyKeys.userId}, ${idempotencyKeys.key} from ${idempotencyKeys}
          where ${lt(idempotencyKeys.createdAt, before)} limit ${batchSize})`);
    const deleted = result.rowCount ?? 0;
    total += deleted;
    if (deleted < batchSize) return total;
  }
}
