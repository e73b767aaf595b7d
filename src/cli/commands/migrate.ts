import { openRuntime } from '../runtime.ts';

export async function migrateCommand(): Promise<number> {
  const runtime = await openRuntime({ logLevel: 'warn' });
  await runtime.close();
  console.log(`Database is up to date (${runtime.database.embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'}).`);
  return 0;
}
