import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { seedTaxonomy } from '../modules/profiles/seed-taxonomy.ts';
import type { Db } from './client.ts';

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

// Any constant works; it only has to be the same in every process that migrates.
const MIGRATION_LOCK = 7_230_001;

/** Applies pending migrations; an advisory lock keeps two starting processes from racing. */
export async function runMigrations(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await migrate(tx as unknown as Db, { migrationsFolder });
    // Reference data every database needs (the skills taxonomy), upserted so it follows the code.
    await seedTaxonomy(tx);
  });
}
