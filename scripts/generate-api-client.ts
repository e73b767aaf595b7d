/**
 * Writes the API's OpenAPI document to web/src/api/openapi.json and its TypeScript types to
 * web/src/api/schema.gen.ts. It builds the app without a database: pg connects lazily and no
 * route is called, so a fresh clone can regenerate the client with no PostgreSQL running.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER, type OpenAPI3 } from 'openapi-typescript';
import { connect } from '../src/db/client.ts';
import { AdjustableClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createLogger } from '../src/platform/logger.ts';
import { buildApp } from '../src/server/app.ts';

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/src/api');

async function generateApiClient(): Promise<void> {
  // Port 1 refuses connections; nothing here should try one.
  const database = connect('postgres://127.0.0.1:1/none', { max: 1 });
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DATABASE_URL: 'postgres://127.0.0.1:1/none',
    SCHEDULER: 'false',
    SESSION_CACHE_SECONDS: '0',
  });
  const log = createLogger('silent');
  const app = await buildApp({
    services: { db: database.db, clock: new AdjustableClock(), config, log },
    serveWeb: false,
  });
  try {
    await app.ready();
    const document = app.swagger() as OpenAPI3;
    await fs.mkdir(apiDir, { recursive: true });
    await fs.writeFile(path.join(apiDir, 'openapi.json'), `${JSON.stringify(document, null, 2)}\n`);
    const ast = await openapiTS(document, { alphabetize: true, silent: true });
    await fs.writeFile(path.join(apiDir, 'schema.gen.ts'), COMMENT_HEADER + astToString(ast));
    const routeCount = Object.keys(document.paths ?? {}).length;
    console.log(`Wrote web/src/api/openapi.json and schema.gen.ts (${routeCount} paths).`);
  } finally {
    await app.close();
    await database.close();
  }
}

await generateApiClient();
