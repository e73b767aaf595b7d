import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import type { TermsChangeRow } from './access.ts';
import { type ChangeState, termsChanges } from './tables.ts';

/** Saves a change's answer (the transition was checked by the caller). */
export async function saveAnswer(
  tx: Tx,
  row: TermsChangeRow,
  answer: { state: ChangeState; by: string; at: Date; declineReason?: string; resultingVersion?: number },
): Promise<TermsChangeRow> {
  const [saved] = await tx
    .update(termsChanges)
    .set({
      state: answer.state,
      answeredBy: answer.by,
      answeredAt: answer.at,
      declineReason: answer.declineReason ?? null,
      resultingVersion: answer.resultingVersion ?? null,
    })
    .where(eq(termsChanges.id, row.id))
    .returning();
  if (!saved) throw new Error('terms change update returned no row');
  return saved;
}
