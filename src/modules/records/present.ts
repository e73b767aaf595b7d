import type { z } from 'zod';
import type { TransactionLine } from './lines.ts';
import type { TransactionPage } from './list-transactions.ts';
import type { TransactionPageResponse } from './schemas.ts';

const presentLine = (line: TransactionLine) => ({
  id: line.id,
  transferId: line.transferId,
  date: line.date.toISOString(),
  type: line.type,
  description: line.description,
  account: line.account,
  amountCents: line.amountCents,
  currency: line.currency,
  balanceCents: line.balanceCents,
  status: line.status,
  documentUrl: line.documentUrl,
});

export function presentTransactionPage(page: TransactionPage): z.infer<typeof TransactionPageResponse> {
  return {
    accounts: page.accounts.map((account) => ({
      name: account.name,
      currency: account.currency,
      balanceCents: account.balanceCents,
    })),
    items: page.lines.map(presentLine),
    nextCursor: page.nextCursor,
  };
}
