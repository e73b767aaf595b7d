import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connect, type Database } from '../../db/client.ts';
import { newId } from '../../platform/ids.ts';
import { createTestDatabase } from '../../test/harness.ts';
import { escrowAccount, getBalance, getOrCreateAccount, platformAccount } from './accounts.ts';
import { fundEscrow, recordCharge } from './movements.ts';
import { postTransfer } from './post-transfer.ts';

// These tests bypass the service code on purpose: the database itself must refuse.
let database: Database;
let raw: pg.Client;
const now = new Date('2030-01-01T00:00:00Z');

beforeAll(async () => {
  const { url } = await createTestDatabase();
  database = connect(url, { max: 4 });
  raw = new pg.Client({ connectionString: url });
  await raw.connect();
});
afterAll(async () => {
  await raw.end();
  await database.close();
});

async function rawTransaction(statements: string[]): Promise<void> {
  await raw.query('begin');
  try {
    for (const statement of statements) await raw.query(statement);
    await raw.query('commit');
  } catch (error) {
    await raw.query('rollback');
    throw error;
  }
}

async function twoAccounts() {
  const client = newId();
  const contract = newId();
  await postTransfer(
    database.db,
    recordCharge({ idempotencyKey: newId(), at: now, clientId: client, currency: 'USD', amountCents: 10_000 }),
  );
  const funded = await postTransfer(
    database.db,
    fundEscrow({
      idempotencyKey: newId(),
      at: now,
      clientId: client,
      contractId: contract,
      currency: 'USD',
      amountCents: 4_000,
    }),
  );
  const escrow = await getOrCreateAccount(database.db, escrowAccount(contract, 'USD'), now);
  const clearing = await getOrCreateAccount(database.db, platformAccount('gateway_clearing', 'USD'), now);
  return { funded, escrow, clearing };
}

const insertTransfer = (id: string) =>
  `insert into ledger_transfers (id, idempotency_key, reason, created_at) values ('${id}', '${newId()}', 'test.raw', now())`;
const insertPosting = (transferId: string, accountId: string, amount: number, currency = 'USD') =>
  `insert into ledger_postings (transfer_id, account_id, currency, amount_cents) values ('${transferId}', '${accountId}', '${currency}', ${amount})`;

describe('the database refuses', () => {
  test('an unbalanced transfer, at commit', async () => {
    const { escrow, clearing } = await twoAccounts();
    const id = newId();
    await expect(
      rawTransaction([insertTransfer(id), insertPosting(id, clearing.id, -500), insertPosting(id, escrow.id, 400)]),
    ).rejects.toThrow(/does not sum to zero/);
    expect((await raw.query('select 1 from ledger_transfers where id = $1', [id])).rowCount).toBe(0);
  });

  test('a transfer with a single posting or none', async () => {
    const { escrow } = await twoAccounts();
    const id = newId();
    await expect(rawTransaction([insertTransfer(id)])).rejects.toThrow(/at least two/);
    await expect(rawTransaction([insertTransfer(id), insertPosting(id, escrow.id, 0)])).rejects.toThrow(/not_zero/);
  });

  test('a posting added later to an existing transfer', async () => {
    const { funded, clearing } = await twoAccounts();
    await expect(rawTransaction([insertPosting(funded.id, clearing.id, 1)])).rejects.toThrow(
      /only be added to transfer .* by the transaction that created it/,
    );
  });

  test('any UPDATE or DELETE of postings and transfers', async () => {
    const { funded } = await twoAccounts();
    await expect(
      raw.query('update ledger_postings set amount_cents = amount_cents * 2 where transfer_id = $1', [funded.id]),
    ).rejects.toThrow(/immutable/);
    await expect(raw.query('delete from ledger_postings where transfer_id = $1', [funded.id])).rejects.toThrow(
      /immutable/,
    );
    await expect(raw.query(`update ledger_transfers set memo = 'edited' where id = $1`, [funded.id])).rejects.toThrow(
      /immutable/,
    );
    await expect(raw.query('delete from ledger_transfers where id = $1', [funded.id])).rejects.toThrow(/immutable/);
    await expect(raw.query('truncate ledger_postings cascade')).rejects.toThrow(/immutable/);
    const stored = await raw.query(
      'select sum(abs(amount_cents))::int as total from ledger_postings where transfer_id = $1',
      [funded.id],
    );
    expect(stored.rows[0].total).toBe(8_000);
  });

  test('a posting in another currency than its account', async () => {
    const { escrow, clearing } = await twoAccounts();
    const id = newId();
    await expect(
      rawTransaction([
        insertTransfer(id),
        insertPosting(id, clearing.id, -500, 'EUR'),
        insertPosting(id, escrow.id, 500, 'EUR'),
      ]),
    ).rejects.toThrow(/posting in EUR to account/);
  });

  test('a negative balance on a guarded account', async () => {
    const { escrow } = await twoAccounts();
    await expect(
      raw.query('update ledger_balances set balance_cents = -1 where account_id = $1', [escrow.id]),
    ).rejects.toThrow(/ledger_balances_guarded_not_negative/);
    await expect(raw.query(`update ledger_accounts set guarded = false where id = $1`, [escrow.id])).rejects.toThrow(
      /immutable/,
    );
    expect(await getBalance(database.db, escrow.id)).toBe(4_000);
  });

  test('an escrow account created unguarded', async () => {
    await expect(
      raw.query(
        `insert into ledger_accounts (id, owner_kind, owner_id, kind, currency, guarded, created_at)
         values (gen_random_uuid(), 'contract', gen_random_uuid(), 'escrow', 'USD', false, now())`,
      ),
    ).rejects.toThrow(/ledger_accounts_guarded_kinds/);
  });
});
