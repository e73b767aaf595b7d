import { sql } from 'drizzle-orm';
import type { VerifyCheck, Violation } from '../../server/module.ts';

interface Row extends Record<string, unknown> {
  subject: string;
  message: string;
}

function query(name: string, description: string, text: ReturnType<typeof sql>): VerifyCheck {
  return {
    name,
    description,
    async run(tx): Promise<Violation[]> {
      const result = await tx.execute<Row>(text);
      return result.rows.map((row) => ({ subject: row.subject, message: row.message }));
    },
  };
}

/** Invariants of the ledger, recomputed from the postings (the source of truth). */
export const ledgerChecks: VerifyCheck[] = [
  query(
    'transfers-balance',
    'every transfer has at least two postings and sums to zero in each currency',
    sql`
      select 'transfer ' || t.id as subject,
             coalesce(string_agg(p.currency || ' sums to ' || p.total, ', '), 'no postings') as message
        from ledger_transfers t
        left join (select transfer_id, currency, sum(amount_cents) as total, count(*) as postings
                     from ledger_postings group by transfer_id, currency) p on p.transfer_id = t.id
       group by t.id
      having coalesce(sum(p.postings), 0) < 2 or bool_or(p.total <> 0)`,
  ),
  query(
    'balances-match-postings',
    'every materialized balance equals the sum of its account postings',
    sql`
      with posted as (select account_id, sum(amount_cents) as total from ledger_postings group by account_id),
           materialized as (select account_id, sum(balance_cents) as total from ledger_balances group by account_id)
      select 'account ' || a.id || ' (' || a.kind || ' ' || a.currency || ')' as subject,
             'balance ' || coalesce(m.total, 0) || ' but postings sum to ' || coalesce(p.total, 0) as message
        from ledger_accounts a
        left join posted p on p.account_id = a.id
        left join materialized m on m.account_id = a.id
       where coalesce(p.total, 0) <> coalesce(m.total, 0)
          or m.account_id is null`,
  ),
  query(
    'guarded-not-negative',
    'no guarded account (client funds, escrow, pending, available, in flight, Connects) is negative',
    sql`
      select 'account ' || a.id || ' (' || a.kind || ' ' || a.currency || ')' as subject,
             'guarded balance is ' || sum(b.balance_cents) as message
        from ledger_accounts a join ledger_balances b on b.account_id = a.id
       where a.guarded
       group by a.id
      having sum(b.balance_cents) < 0`,
  ),
  query(
    'running-balances',
    "each single-row account's latest running balance equals its balance",
    sql`
      select 'account ' || a.id || ' (' || a.kind || ' ' || a.currency || ')' as subject,
             'balance ' || b.balance_cents || ' but the latest posting says ' || last.balance_after_cents as message
        from ledger_accounts a
        join ledger_balances b on b.account_id = a.id
        join lateral (select balance_after_cents from ledger_postings p
                       where p.account_id = a.id order by p.id desc limit 1) last on true
       where a.balance_shards = 1 and last.balance_after_cents is distinct from b.balance_cents`,
  ),
];
