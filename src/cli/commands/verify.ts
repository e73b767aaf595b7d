import { formatVerifyReport, runVerify } from '../run-verify.ts';
import { openRuntime } from '../runtime.ts';

export async function verifyCommand(): Promise<number> {
  const runtime = await openRuntime({ logLevel: 'warn' });
  try {
    const { text, ok } = formatVerifyReport(await runVerify(runtime.services));
    console.log(text);
    return ok ? 0 : 1;
  } finally {
    await runtime.close();
  }
}
