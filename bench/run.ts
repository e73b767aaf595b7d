/**
 * `npm run bench -- <name> [options]`: runs one benchmark and prints its report. Each benchmark
 * compares itself with a baseline measured on the same machine in the same run.
 */
import { runLedgerBench } from './ledger.ts';
import { runSearchBench } from './search.ts';

const benches: Record<string, (args: string[]) => Promise<boolean>> = {
  ledger: runLedgerBench,
  search: runSearchBench,
};

const [name, ...args] = process.argv.slice(2);
const bench = name ? benches[name] : undefined;
if (!bench) {
  console.error(`Usage: npm run bench -- <${Object.keys(benches).join('|')}> [options]`);
  process.exit(2);
}
const ok = await bench(args);
process.exit(ok ? 0 : 1);
