import { asc, sql } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import type { VerifyCheck, Violation } from '../../server/module.ts';
import { findChainBreak, type HashedEntry } from './canonical.ts';
import { hashedFields, toRecordEntry } from './record-entry.ts';
import { contractRecordEntries, contractRecordHeads } from './tables.ts';

const BATCH = 2000;

/** Every entry of every contract, in chain order, a batch at a time (records can be long). */
async function* allEntries(tx: Tx): AsyncGenerator<HashedEntry & { hash: string }> {
  let after: { contractId: string; seq: number } | null = null;
  for (;;) {
    const rows: (typeof contractRecordEntries.$inferSelect)[] = await tx
      .select()
      .from(contractRecordEntries)
      .where(
        after
          ? sql`(${contractRecordEntries.contractId}, ${contractRecordEntries.seq}) > (${after.contractId}, ${after.seq})`
          : undefined,
      )
      .orderBy(asc(contractRecordEntries.contractId), asc(contractRecordEntries.seq))
      .limit(BATCH);
    for (const row of rows) yield hashedFields(toRecordEntry(row));
    const last = rows.at(-1);
    if (!last || rows.length < BATCH) return;
    after = { contractId: last.contractId, seq: last.seq };
  }
}

export const recordChecks: VerifyCheck[] = [
  {
    name: 'contract-record-chains',
    description: "every contract's record recomputes entry by entry and links to the one before",
    async run(tx): Promise<Violation[]> {
      const violations: Violation[] = [];
      let contractId: string | null = null;
      let chain: (HashedEntry & { hash: string })[] = [];
      const finish = () => {
        if (contractId === null) return;
        const broken = findChainBreak(contractId, chain);
        if (broken)
          violations.push({ subject: `contract ${contractId} record entry ${broken.seq}`, message: broken.message });
      };
      for await (const entry of allEntries(tx)) {
        if (entry.contractId !== contractId) {
          finish();
          contractId = entry.contractId;
          chain = [];
        }
        chain.push(entry);
      }
      finish();
      return violations;
    },
  },
  {
    name: 'contract-record-heads',
    description: "each record's head row points at its last entry",
    async run(tx): Promise<Violation[]> {
      const rows = await tx.execute<{ contract_id: string; head_seq: number; last_seq: number | null }>(sql`
        select h.contract_id, h.seq as head_seq, last.seq as last_seq
          from ${contractRecordHeads} h
          left join lateral (select e.seq, e.hash from ${contractRecordEntries} e
                              where e.contract_id = h.contract_id order by e.seq desc limit 1) last on true
         where coalesce(last.seq, 0) <> h.seq or (last.hash is not null and last.hash <> h.hash)
        union all
        select e.contract_id, 0, max(e.seq) from ${contractRecordEntries} e
         where not exists (select 1 from ${contractRecordHeads} h where h.contract_id = e.contract_id)
         group by e.contract_id`);
      return rows.rows.map((row) => ({
        subject: `contract ${row.contract_id} record`,
        message: `the head says entry ${row.head_seq} but the last entry is ${row.last_seq ?? 0}`,
      }));
    },
  },
];
