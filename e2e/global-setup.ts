import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildWeb } from '../web/build.ts';
import { CHROMIUM_PATH, chromiumAvailable } from './browser.ts';

const webDir = path.resolve(import.meta.dirname, '../web');
const builtIndex = path.join(webDir, 'dist', 'index.html');

function newestChange(entry: string): number {
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(entry).reduce((newest, name) => Math.max(newest, newestChange(path.join(entry, name))), 0);
}

/** True when web/dist is missing or older than any source it is built from. */
function webBuildIsStale(): boolean {
  if (!existsSync(builtIndex)) return true;
  const sources = ['src', 'public', 'index.html', 'vite.config.ts'].map((name) => path.join(webDir, name));
  const newestSource = Math.max(...sources.filter((source) => existsSync(source)).map(newestChange));
  return newestSource > statSync(builtIndex).mtimeMs;
}

/** The browser tests need Chromium and a current build of the web app. */
export default async function setup() {
  if (!chromiumAvailable) {
    const message = `Chromium was not found at ${CHROMIUM_PATH}: the browser tests cannot run.`;
    if (process.env.CI === 'true')
      throw new Error(`${message} Install it (apt-get install chromium) or set CHROMIUM_PATH.`);
    const bar = '!'.repeat(78);
    console.warn(
      `\n${bar}\n!! SKIPPING BROWSER TESTS. ${message}\n!! Install it with: sudo apt-get install chromium (or set CHROMIUM_PATH).\n${bar}\n`,
    );
    return;
  }
  if (webBuildIsStale()) {
    console.log('Building the web app for the browser tests (web/dist is missing or stale)...');
    await buildWeb();
  }
}
