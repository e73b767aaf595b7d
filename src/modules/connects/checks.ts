import { sql } from 'drizzle-orm';
import type { VerifyCheck, Violation } from '../../server/module.ts';
import { connectsAccount, getBalanceByKey } from '../ledger/accounts.ts';
import { connectsEntries, connectsLots, connectsSpendLots } from './tables.ts';

export const connectsChecks: VerifyCheck[] = [
  {
    name: 'connects-balance-matches-lots',
    description: "each user's Connects balance in the ledger equals what is left of their lots",
    async run(tx): Promise<Violation[]> {
      const rows = await tx
        .select({ userId: connectsLots.userId, remaining: sql<number>`sum(${connectsLots.remaining})::int` })
        .from(connectsLots)
        .groupBy(connectsLots.userId);
      const violations: Violation[] = [];
      for (const row of rows) {
        const ledger = await getBalanceByKey(tx, connectsAccount(row.userId));
        if (ledger !== row.remaining) {
          violations.push({
            subject: `user ${row.userId}`,
            message: `ledger holds ${ledger} Connects but the lots hold ${row.remaining}`,
          });
        }
      }
      return violations;
    },
  },
  {
    name: 'connects-spends-drawn-from-lots',
    description: 'every Connects spend drew exactly its amount from lots',
    async run(tx): Promise<Violation[]> {
      const result = await tx.execute<{ id: string; amount: number; drawn: number }>(sql`
        select e.id, -e.amount as amount, coalesce(sum(s.amount), 0)::int as drawn
          from ${connectsEntries} e left join ${connectsSpendLots} s on s.entry_id = e.id
         where e.kind = 'spend'
         group by e.id
        having coalesce(sum(s.amount), 0) <> -e.amount`);
      return result.rows.map((row) => ({
        subject: `connects spend ${row.id}`,
        message: `spent ${row.amount} but drew ${row.drawn} from lots`,
      }));
    },
  },
];
