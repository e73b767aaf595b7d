import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Earning } from './record-earning.ts';
import { earnings } from './tables.ts';

/** The earning a transfer credited to a pending balance (for its invoice), if it was recorded. */
export async function earningByCreditTransfer(executor: Executor, transferId: string): Promise<Earning | null> {
  const [row] = await executor.select().from(earnings).where(eq(earnings.creditTransferId, transferId));
  return row ?? null;
}
