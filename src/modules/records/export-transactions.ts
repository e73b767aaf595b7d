import type { Ctx } from '../../server/context.ts';
import { CSV_HEADER, csvField, csvRow } from './csv.ts';
import { listTransactions, type TransactionQuery } from './list-transactions.ts';

/** Past this many rows an export is cut short and says so in its last line. */
export const MAX_EXPORT_PAGES = 100;
const PAGE = 500;

/** The whole filtered history as CSV (CRLF lines, as RFC 4180 and spreadsheets expect). */
export async function exportTransactionsCsv(
  ctx: Ctx,
  query: Omit<TransactionQuery, 'cursor' | 'limit'>,
): Promise<{ csv: string; filename: string }> {
  const rows = [CSV_HEADER.map((name) => csvField(name)).join(',')];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await listTransactions(ctx, { ...query, cursor, limit: PAGE });
    rows.push(...page.lines.map(csvRow));
    cursor = page.nextCursor ?? undefined;
    pages++;
  } while (cursor && pages < MAX_EXPORT_PAGES);
  if (cursor) rows.push(csvField('The export stops here: narrow the dates to get the rest.'));
  const day = ctx.clock.now().toISOString().slice(0, 10);
  return { csv: `${rows.join('\r\n')}\r\n`, filename: `workroom-transactions-${day}.csv` };
}
