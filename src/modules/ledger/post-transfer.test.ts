import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connect, type Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { createTestDatabase } from '../../test/harness.ts';
import {
  balancesFor,
  clientFundingAccount,
  escrowAccount,
  freelancerAccount,
  getBalance,
  getBalanceByKey,
  getOrCreateAccount,
  PLATFORM_BALANCE_SHARDS,
  platformAccount,
} from './accounts.ts';
import { ledgerChecks } from './checks.ts';
import { fundEscrow, recordCharge, releaseEscrow } from './movements.ts';
import { postTransfer } from './post-transfer.ts';
import { getTransferByKey } from './transfers.ts';

let database: Database;
const at = new Date('2030-03-01T12:00:00Z');

beforeAll(async () => {
  database = connect((await createTestDatabase()).url, { max: 4 });
});
afterAll(async () => {
  await database.close();
});

/** A client with `cents` paid in and a funded contract escrow of `escrowCents`. */
async function aFundedContract(cents = 10_000, escrowCents = 6_000) {
  const clientId = newId();
  const contractId = newId();
  const freelancerId = newId();
  await postTransfer(
    database.db,
    recordCharge({ idempotencyKey: newId(), at, clientId, currency: 'USD', amountCents: cents }),
  );
  await postTransfer(
    database.db,
    fundEscrow({ idempotencyKey: newId(), at, clientId, contractId, currency: 'USD', amountCents: escrowCents }),
  );
  return { clientId, contractId, freelancerId };
}

async function verifyViolations(): Promise<string[]> {
  const found: string[] = [];
  for (const check of ledgerChecks) {
    const violations = await inTransaction(database.db, (tx) => check.run(tx, undefined as never));
    found.push(...violations.map((violation) => `${check.name}: ${violation.subject}`));
  }
  return found;
}

const errorCode = (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (error: unknown) => (error instanceof AppError ? error.code : String(error)),
  );

describe('postTransfer', () => {
  test('moves money between accounts created on first use, with the fee to the platform', async () => {
    const { contractId, freelancerId } = await aFundedContract();
    const feeBefore = await getBalanceByKey(database.db, platformAccount('platform_fee_revenue', 'USD'));
    const released = await postTransfer(
      database.db,
      releaseEscrow({
        idempotencyKey: newId(),
        at,
        contractId,
        freelancerId,
        currency: 'USD',
        grossCents: 5_000,
        feeCents: 500,
      }),
    );
    expect(released.replayed).toBe(false);
    expect(released.postings.map((posting) => posting.amountCents)).toEqual([-5_000, 4_500, 500]);
    expect(await getBalanceByKey(database.db, escrowAccount(contractId, 'USD'))).toBe(1_000);
    expect(await getBalanceByKey(database.db, freelancerAccount(freelancerId, 'pending', 'USD'))).toBe(4_500);
    expect(await getBalanceByKey(database.db, platformAccount('platform_fee_revenue', 'USD'))).toBe(feeBefore + 500);
    const [pending] = await balancesFor(database.db, { ownerKind: 'user', ownerId: freelancerId });
    expect(pending).toMatchObject({ kind: 'freelancer_pending', currency: 'USD', guarded: true, balanceCents: 4_500 });
  });

  test('the same key posts once and returns the first transfer; other postings under it are refused', async () => {
    const { clientId, contractId } = await aFundedContract();
    const key = newId();
    const input = fundEscrow({ idempotencyKey: key, at, clientId, contractId, currency: 'USD', amountCents: 1_000 });
    const first = await postTransfer(database.db, input);
    const again = await postTransfer(database.db, input);
    expect(again.replayed).toBe(true);
    expect(again.id).toBe(first.id);
    expect(await getBalanceByKey(database.db, escrowAccount(contractId, 'USD'))).toBe(7_000);
    const different = fundEscrow({ idempotencyKey: key, at, clientId, contractId, currency: 'USD', amountCents: 999 });
    expect(await errorCode(postTransfer(database.db, different))).toBe('idempotency_key_reused');
    expect(await getBalanceByKey(database.db, escrowAccount(contractId, 'USD'))).toBe(7_000);
  });

  test('a transfer that would overdraw a guarded account is refused cleanly, writing nothing', async () => {
    const { contractId, freelancerId } = await aFundedContract(10_000, 2_000);
    const key = newId();
    const tooMuch = releaseEscrow({
      idempotencyKey: key,
      at,
      contractId,
      freelancerId,
      currency: 'USD',
      grossCents: 2_001,
      feeCents: 0,
    });
    await inTransaction(database.db, async (tx) => {
      const error = await postTransfer(tx, tooMuch).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('insufficient_funds');
      // The transaction is still usable: the caller may do something else instead.
      await postTransfer(
        tx,
        releaseEscrow({
          idempotencyKey: newId(),
          at,
          contractId,
          freelancerId,
          currency: 'USD',
          grossCents: 2_000,
          feeCents: 0,
        }),
      );
    });
    expect(await getTransferByKey(database.db, key)).toBeNull();
    expect(await getBalanceByKey(database.db, escrowAccount(contractId, 'USD'))).toBe(0);
    expect(await getBalanceByKey(database.db, freelancerAccount(freelancerId, 'pending', 'USD'))).toBe(2_000);
  });

  test("a client's funds are guarded too: escrow cannot be funded with money not paid in", async () => {
    const { clientId } = await aFundedContract(10_000, 6_000);
    const key = newId();
    const overdraw = fundEscrow({
      idempotencyKey: key,
      at,
      clientId,
      contractId: newId(),
      currency: 'USD',
      amountCents: 4_001,
    });
    expect(await errorCode(postTransfer(database.db, overdraw))).toBe('insufficient_funds');
    expect(await getTransferByKey(database.db, key)).toBeNull();
    expect(await getBalanceByKey(database.db, clientFundingAccount(clientId, 'USD'))).toBe(4_000);
    const [account] = (
      await database.db.execute<{ guarded: boolean }>(
        sql`select guarded from ledger_accounts where owner_id = ${clientId} and kind = 'client_funding'`,
      )
    ).rows;
    expect(account?.guarded).toBe(true);
  });

  test('a replay still succeeds after the money it moved has moved on', async () => {
    const { contractId, freelancerId } = await aFundedContract(10_000, 3_000);
    const release = releaseEscrow({
      idempotencyKey: newId(),
      at,
      contractId,
      freelancerId,
      currency: 'USD',
      grossCents: 3_000,
      feeCents: 300,
    });
    const first = await postTransfer(database.db, release);
    expect(await getBalanceByKey(database.db, escrowAccount(contractId, 'USD'))).toBe(0);
    const again = await postTransfer(database.db, release);
    expect(again).toMatchObject({ id: first.id, replayed: true });
  });

  test('refuses unbalanced, single-posting, zero and unsafe amounts before touching the database', async () => {
    const escrow = escrowAccount(newId(), 'USD');
    const funding = clientFundingAccount(newId(), 'USD');
    const base = { idempotencyKey: newId(), reason: 'test.invalid', at };
    const cases = [
      [
        { account: funding, amountCents: -5 },
        { account: escrow, amountCents: 4 },
      ],
      [{ account: escrow, amountCents: 5 }],
      [
        { account: funding, amountCents: 0 },
        { account: escrow, amountCents: 0 },
      ],
      [
        { account: funding, amountCents: -0.5 },
        { account: escrow, amountCents: 0.5 },
      ],
      [
        { account: funding, amountCents: -(2 ** 53) },
        { account: escrow, amountCents: 2 ** 53 },
      ],
      [
        { account: escrow, amountCents: -5 },
        { account: escrow, amountCents: 5 },
      ],
    ];
    for (const postings of cases) {
      expect(await errorCode(postTransfer(database.db, { ...base, postings }))).toBe('validation_failed');
    }
    const connectsInDollars = { ownerKind: 'user', ownerId: newId(), kind: 'connects', currency: 'USD' } as const;
    const wrongCurrency = [
      { account: connectsInDollars, amountCents: 5 },
      { account: funding, amountCents: -5 },
    ];
    expect(await errorCode(postTransfer(database.db, { ...base, postings: wrongCurrency }))).toBe('validation_failed');
  });

  test('an unbalanced transfer by account ids is refused by the database', async () => {
    const funding = await getOrCreateAccount(database.db, clientFundingAccount(newId(), 'USD'), at);
    const fee = await getOrCreateAccount(database.db, platformAccount('platform_fee_revenue', 'USD'), at);
    const euros = await getOrCreateAccount(database.db, clientFundingAccount(newId(), 'EUR'), at);
    const unbalanced = [
      [
        { accountId: funding.id, amountCents: -5 },
        { accountId: fee.id, amountCents: 4 },
      ],
      // Balanced as numbers, but across two currencies.
      [
        { accountId: euros.id, amountCents: -5 },
        { accountId: fee.id, amountCents: 5 },
      ],
    ];
    for (const postings of unbalanced) {
      const key = newId();
      await expect(
        postTransfer(database.db, { idempotencyKey: key, reason: 'test.raw', at, postings }),
      ).rejects.toThrow();
      expect(await getTransferByKey(database.db, key)).toBeNull();
    }
    expect(await getBalance(database.db, funding.id)).toBe(0);
  });

  test('platform accounts spread their balance over shards that sum up', async () => {
    const fee = await getOrCreateAccount(database.db, platformAccount('platform_fee_revenue', 'USD'), at);
    const rows = await database.db.execute<{ shards: number }>(
      sql`select count(*)::int as shards from ledger_balances where account_id = ${fee.id}`,
    );
    expect(rows.rows[0]?.shards).toBe(PLATFORM_BALANCE_SHARDS);
    const before = await getBalance(database.db, fee.id);
    const { contractId, freelancerId } = await aFundedContract(100_000, 100_000);
    await Promise.all(
      Array.from({ length: 20 }, () =>
        postTransfer(
          database.db,
          releaseEscrow({
            idempotencyKey: newId(),
            at,
            contractId,
            freelancerId,
            currency: 'USD',
            grossCents: 100,
            feeCents: 7,
          }),
        ),
      ),
    );
    expect(await getBalance(database.db, fee.id)).toBe(before + 140);
  });

  test('works through drizzle alone when the executor has no pg client to prepare on', async () => {
    const { contractId, freelancerId } = await aFundedContract(1_000, 1_000);
    // An executor whose session hides its driver: postTransfer falls back to a plain drizzle query.
    const hidden = new Proxy(database.db, {
      get: (target, property, receiver) =>
        property === '_' ? { ...target._, session: {} } : Reflect.get(target, property, receiver),
    });
    const release = releaseEscrow({
      idempotencyKey: newId(),
      at,
      contractId,
      freelancerId,
      currency: 'USD',
      grossCents: 400,
      feeCents: 40,
    });
    expect((await postTransfer(hidden, release)).replayed).toBe(false);
    expect((await postTransfer(hidden, release)).replayed).toBe(true);
    expect(await getBalanceByKey(database.db, escrowAccount(contractId, 'USD'))).toBe(600);
  });

  test('getOrCreateAccount returns one account however many callers race for it', async () => {
    const key = freelancerAccount(newId(), 'available', 'USD');
    const accounts = await Promise.all(Array.from({ length: 8 }, () => getOrCreateAccount(database.db, key, at)));
    expect(new Set(accounts.map((account) => account.id)).size).toBe(1);
    expect(accounts[0]).toMatchObject({ kind: 'freelancer_available', guarded: true, currency: 'USD' });
  });
});

describe('ledger verify checks', () => {
  test('are clean after all of the above, and catch a tampered balance', async () => {
    expect(await verifyViolations()).toEqual([]);
    const { contractId } = await aFundedContract(1_000, 1_000);
    const escrow = await getOrCreateAccount(database.db, escrowAccount(contractId, 'USD'), at);
    // Only a superuser script could do this; verify must notice.
    await database.db.execute(
      sql`update ledger_balances set balance_cents = balance_cents + 1 where account_id = ${escrow.id}`,
    );
    const violations = await verifyViolations();
    expect(violations).toContain(`balances-match-postings: account ${escrow.id} (escrow USD)`);
    expect(violations).toContain(`running-balances: account ${escrow.id} (escrow USD)`);
    await database.db.execute(
      sql`update ledger_balances set balance_cents = balance_cents - 1 where account_id = ${escrow.id}`,
    );
    expect(await verifyViolations()).toEqual([]);
  });
});
