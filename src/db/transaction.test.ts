import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestDatabase } from '../test/harness.ts';
import { connect, type Database } from './client.ts';
import { inTransaction } from './transaction.ts';

let database: Database;
beforeAll(async () => {
  const { url } = await createTestDatabase();
  database = connect(url, { max: 12 });
  await database.db.execute(sql`create table counter (id int primary key, value int not null)`);
  await database.db.execute(sql`insert into counter values (1, 0)`);
});
afterAll(async () => {
  await database.close();
});

test('serializable transactions that collide are retried until every increment lands', async () => {
  const increments = 12;
  let attempts = 0;
  await Promise.all(
    Array.from({ length: increments }, () =>
      inTransaction(
        database.db,
        async (tx) => {
          attempts++;
          const result = await tx.execute<{ value: number }>(sql`select value from counter where id = 1`);
          const value = Number(result.rows[0]?.value);
          await tx.execute(sql`update counter set value = ${value + 1} where id = 1`);
        },
        { isolationLevel: 'serializable', maxAttempts: 50 },
      ),
    ),
  );
  const final = await database.db.execute<{ value: number }>(sql`select value from counter where id = 1`);
  expect(Number(final.rows[0]?.value)).toBe(increments);
  // The collisions really happened and were retried, rather than the test passing by luck.
  expect(attempts).toBeGreaterThan(increments);
});

test('a non-retryable error is not retried', async () => {
  let attempts = 0;
  await expect(
    inTransaction(database.db, async (tx) => {
      attempts++;
      await tx.execute(sql`insert into counter values (1, 0)`);
    }),
  ).rejects.toThrow();
  expect(attempts).toBe(1);
});
