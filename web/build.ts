import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const webDir = path.dirname(fileURLToPath(import.meta.url));

/** Builds the web app into web/dist (what `npm start` serves), with the same config as `npm run build:web`. */
export async function buildWeb(): Promise<void> {
  // Callers may run with NODE_ENV=test (vitest) or development; React and the JSX transform must
  // both see "production", or the bundle ships React's development build.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(webDir, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}
