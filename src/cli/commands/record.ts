import { readFile } from 'node:fs/promises';
import { verifyRecordExport } from '../../modules/contract-record/verify-export.ts';

const usage = 'Usage: workroom record verify FILE   (FILE: a contract record exported as JSON from the Workroom)';

/**
 * `workroom record verify FILE`: checks an exported record offline, without a database or any
 * configuration, so either party (or their lawyer) can run it on their own copy.
 */
export async function recordCommand(args: string[]): Promise<number> {
  const [action, file, ...rest] = args;
  if (action !== 'verify' || !file || rest.length > 0) {
    console.error(usage);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    console.error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const verdict = verifyRecordExport(text);
  if (!verdict.ok) {
    console.error(`Record NOT verified: ${verdict.message}`);
    if (verdict.seq !== null) console.error(`First altered entry: seq ${verdict.seq}`);
    return 1;
  }
  console.log(`Record verified: ${verdict.entries} entries, head ${verdict.head ?? '(empty record)'}`);
  return 0;
}
