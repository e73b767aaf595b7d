import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runVerify } from '../../cli/run-verify.ts';
import { inTransaction } from '../../db/transaction.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { appendRecordEntry } from './append-record-entry.ts';
import { entryHash, findChainBreak, genesisHash } from './canonical.ts';
import { hashedFields, recordEntries, recordHead } from './record-entry.ts';
import { aContract } from './test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const append = (contractId: string, summary: string, actorId: string | null = null) =>
  inTransaction(t.services.db, (tx) =>
    appendRecordEntry(tx, t.services.clock, {
      contractId,
      kind: 'status_report.filed',
      actorId,
      summary,
      data: { progress: [{ milestone: 1, percent: 40 }], note: 'On track', blocked: null },
    }),
  );

async function chainBreaks() {
  const results = await runVerify(t.services);
  return results.find((result) => result.name === 'contract-record-chains')?.violations ?? [];
}

describe('the contract record', () => {
  test('entries are numbered and each links to the hash of the one before', async () => {
    const contract = await aContract(t);
    const report = await append(contract.id, 'Week 1 report filed', contract.freelancer.id);
    const entries = await recordEntries(t.services.db, contract.id);

    expect(entries.map((entry) => [entry.seq, entry.kind])).toEqual([
      [1, 'contract.created'],
      [2, 'terms.version'],
      [3, 'status_report.filed'],
    ]);
    expect(entries[0]?.prevHash).toBe(genesisHash(contract.id));
    expect(entries[1]?.prevHash).toBe(entries[0]?.hash);
    expect(entries[2]).toEqual(report);
    expect(report.prevHash).toBe(entries[1]?.hash);
    for (const entry of entries) expect(entryHash(hashedFields(entry))).toBe(entry.hash);
    expect(await recordHead(t.services.db, contract.id)).toEqual({ seq: 3, hash: report.hash });
    expect(findChainBreak(contract.id, entries.map(hashedFields))).toBeNull();
  });

  test('30 concurrent appends to one contract get seq 1..30 in one unforked chain', async () => {
    const contract = await aContract(t);
    const before = (await recordHead(t.services.db, contract.id))?.seq ?? 0;
    await Promise.all(Array.from({ length: 30 }, (_, index) => append(contract.id, `Concurrent event ${index + 1}`)));

    const entries = await recordEntries(t.services.db, contract.id);
    expect(entries.map((entry) => entry.seq)).toEqual(Array.from({ length: before + 30 }, (_, index) => index + 1));
    expect(findChainBreak(contract.id, entries.map(hashedFields))).toBeNull();
    const summaries = entries.slice(before).map((entry) => entry.summary);
    expect(new Set(summaries).size).toBe(30);
  });

  test('the database refuses UPDATE, DELETE, TRUNCATE and an insert that would fork the chain', async () => {
    const contract = await aContract(t);
    const entries = await recordEntries(t.services.db, contract.id);
    const first = entries[0];
    if (!first) throw new Error('no entries');
    const refused = [
      sql`update contract_record_entries set summary = 'Contract started: something else' where contract_id = ${contract.id} and seq = 1`,
      sql`delete from contract_record_entries where contract_id = ${contract.id}`,
      sql`truncate contract_record_entries`,
      sql`delete from contract_record_heads where contract_id = ${contract.id}`,
      sql`update contract_record_heads set seq = 1, hash = ${first.hash} where contract_id = ${contract.id}`,
      // A second entry 2 beside the real one, and an entry 3 linked to entry 1 instead of 2:
      sql`insert into contract_record_entries (contract_id, seq, kind, actor_id, at, summary, data, prev_hash, hash)
          values (${contract.id}, 3, 'payment.released', null, now(), 'Forked', '{}', ${first.hash}, ${'a'.repeat(64)})`,
      sql`insert into contract_record_entries (contract_id, seq, kind, actor_id, at, summary, data, prev_hash, hash)
          values (${contract.id}, 5, 'payment.released', null, now(), 'Gap', '{}', ${entries[1]?.hash}, ${'b'.repeat(64)})`,
    ];
    for (const statement of refused) {
      await expect(t.services.db.execute(statement)).rejects.toMatchObject({
        cause: expect.objectContaining({ code: '23000' }),
      });
    }
    // Re-inserting entry 2 collides with the real one instead of forking.
    await expect(
      t.services.db.execute(sql`insert into contract_record_entries (contract_id, seq, kind, actor_id, at, summary, data, prev_hash, hash)
          values (${contract.id}, 2, 'payment.released', null, now(), 'Fork', '{}', ${first.hash}, ${'c'.repeat(64)})`),
    ).rejects.toMatchObject({ cause: expect.objectContaining({ code: expect.stringMatching(/^23/) }) });
    expect(await recordEntries(t.services.db, contract.id)).toEqual(entries);
  });

  test('an entry altered directly in the database is named by workroom verify', async () => {
    const contract = await aContract(t);
    await append(contract.id, 'Week 1 report filed', contract.freelancer.id);
    await append(contract.id, 'Week 2 report filed', contract.freelancer.id);
    expect(await chainBreaks()).toEqual([]);

    // Someone with superuser access bypasses the triggers to rewrite history.
    await inTransaction(t.services.db, async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(
        sql`update contract_record_entries set summary = 'Week 1 report filed: all done'
             where contract_id = ${contract.id} and seq = 3`,
      );
    });

    const breaks = await chainBreaks();
    expect(breaks).toEqual([
      {
        subject: `contract ${contract.id} record entry 3`,
        message: expect.stringContaining('entry 3 (status_report.filed) was altered'),
      },
    ]);
  });

  test('an entry altered and re-hashed is still named: the next entry no longer links to it', async () => {
    const contract = await aContract(t);
    await append(contract.id, 'Week 1 report filed', contract.freelancer.id);
    await append(contract.id, 'Week 2 report filed', contract.freelancer.id);
    const [, second] = await recordEntries(t.services.db, contract.id);
    if (!second) throw new Error('no entry 2');
    const forged = { ...hashedFields(second), summary: 'Terms version 1 agreed: $1.00' };
    await inTransaction(t.services.db, async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(
        sql`update contract_record_entries set summary = ${forged.summary}, hash = ${entryHash(forged)}
             where contract_id = ${contract.id} and seq = 2`,
      );
    });

    const breaks = await chainBreaks();
    expect(breaks).toContainEqual({
      subject: `contract ${contract.id} record entry 2`,
      message: expect.stringContaining('entry 2 was altered'),
    });
  });
});
