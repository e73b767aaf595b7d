import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { modules } from '../../modules/index.ts';
import { startScheduler } from '../../modules/scheduler/start-scheduler.ts';
import { buildApp, webDistDir } from '../../server/app.ts';
import { closeApp } from '../../server/shutdown.ts';
import { openRuntime } from '../runtime.ts';

/** How long a stop waits for requests in flight (an open live stream ends at once). */
const SHUTDOWN_GRACE_MS = 10_000;

async function ensureWebBuilt(): Promise<void> {
  if (existsSync(path.join(webDistDir, 'index.html'))) return;
  console.log('Building the web app (first start only; this takes a minute)...');
  const { buildWeb } = await import('../../../web/build.ts');
  await buildWeb();
}

/** Runs the whole product in this process until SIGINT/SIGTERM, then stops cleanly. */
export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { 'skip-web-build': { type: 'boolean', default: false } } });
  try {
    if (!values['skip-web-build']) await ensureWebBuilt();
  } catch (error) {
    console.error('The web app could not be built; serving the API only.', error);
  }
  const runtime = await openRuntime();
  const { config, services } = runtime;
  const app = await buildApp({ services });
  const tasks = modules.flatMap((module) => module.tasks ?? []);
  const scheduler = config.SCHEDULER ? startScheduler(services, tasks) : null;
  try {
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (error) {
    await scheduler?.stop();
    await runtime.close();
    throw error;
  }
  const where = runtime.database.embedded ? `embedded PostgreSQL in ${config.dataDir}` : 'DATABASE_URL';
  console.log(`Workroom is running at ${config.publicUrl} (database: ${where}). Press Ctrl-C to stop.`);
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  console.log(`${signal} received: stopping...`);
  await scheduler?.stop();
  await closeApp(app, SHUTDOWN_GRACE_MS);
  await runtime.close();
  console.log('Stopped.');
  return 0;
}
