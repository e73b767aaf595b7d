import { type OpenedDatabase, openDatabase } from '../db/bootstrap.ts';
import { loadClockOffset } from '../modules/scheduler/clock-offset.ts';
import { AdjustableClock } from '../platform/clock.ts';
import { type Config, loadConfig } from '../platform/config.ts';
import { createLogger } from '../platform/logger.ts';
import type { Services } from '../server/context.ts';

export interface Runtime {
  config: Config;
  database: OpenedDatabase;
  clock: AdjustableClock;
  services: Services;
  close(): Promise<void>;
}

/** Config, database (embedded or DATABASE_URL, migrated) and services, as every command needs them. */
export async function openRuntime(options: { logLevel?: string } = {}): Promise<Runtime> {
  const config = loadConfig();
  const log = createLogger(options.logLevel ?? config.LOG_LEVEL);
  const database = await openDatabase(config, { log: (line) => log.debug({ postgres: line }) });
  const clock = new AdjustableClock();
  if (config.CLOCK_CONTROL) await loadClockOffset(database.db, clock);
  const services: Services = { db: database.db, clock, config, log };
  return { config, database, clock, services, close: () => database.shutdown() };
}
