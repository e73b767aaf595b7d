import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connect, type Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { createTestDatabase } from '../../test/harness.ts';
import { type AccountKey, escrowAccount, freelancerAccount, getBalanceByKey, platformAccount } from './accounts.ts';
import { ledgerChecks } from './checks.ts';
import { fundEscrow, move, recordCharge, releaseEscrow } from './movements.ts';
import { postTransfer } from './post-transfer.ts';

// Many transfers at once at the same accounts, on 16 connections to a real PostgreSQL.
let database: Database;
const at = new Date('2030-06-01T00:00:00Z');

beforeAll(async () => {
  database = connect((await createTestDatabase()).url, { max: 16 });
});
afterAll(async () => {
  await database.close();
});

type Result = { transferId: string } | { refused: string };

async function outcome(run: () => Promise<{ id: string }>): Promise<Result> {
  try {
    return { transferId: (await run()).id };
  } catch (error) {
    if (error instanceof AppError) return { refused: error.code };
    throw error;
  }
}

async function expectVerifyClean() {
  for (const check of ledgerChecks) {
    expect(await inTransaction(database.db, (tx) => check.run(tx, undefined as never)), check.name).toEqual([]);
  }
}

describe('concurrent transfers', () => {
  test('200 releases racing for one escrow: none overdraws, none counts twice, duplicates replay', async () => {
    const clientId = newId();
    const contractId = newId();
    const freelancerId = newId();
    await postTransfer(
      database.db,
      recordCharge({ idempotencyKey: newId(), at, clientId, currency: 'USD', amountCents: 10_000 }),
    );
    await postTransfer(
      database.db,
      fundEscrow({ idempotencyKey: newId(), at, clientId, contractId, currency: 'USD', amountCents: 10_000 }),
    );
    const feeAccount = platformAccount('platform_fee_revenue', 'USD');
    const feeBefore = await getBalanceByKey(database.db, feeAccount);

    // 150 distinct releases of 100 (room for exactly 100 of them); 50 of them sent twice at once.
    const keys = Array.from({ length: 150 }, () => newId());
    const requests = Array.from({ length: 200 }, (_, index) => keys[index % keys.length] as string);
    const results = await Promise.all(
      requests.map((key) =>
        outcome(() =>
          postTransfer(
            database.db,
            releaseEscrow({
              idempotencyKey: key,
              at,
              contractId,
              freelancerId,
              currency: 'USD',
              grossCents: 100,
              feeCents: 10,
            }),
          ),
        ),
      ),
    );

    const byKey = new Map<string, Set<string>>();
    for (const [index, result] of results.entries()) {
      const key = requests[index] as string;
      const seen = byKey.get(key) ?? new Set<string>();
      seen.add('transferId' in result ? result.transferId : result.refused);
      byKey.set(key, seen);
    }
    // Both sends of a key got the same answer: one transfer, or both refused.
    for (const answers of byKey.values()) expect(answers.size).toBe(1);
    const refusals = results.filter((result) => 'refused' in result);
    expect(new Set(refusals.map((result) => ('refused' in result ? result.refused : '')))).toEqual(
      new Set(['insufficient_funds']),
    );
    const transferIds = new Set(results.flatMap((result) => ('transferId' in result ? [result.transferId] : [])));
    expect(transferIds.size).toBe(100);

    expect(await getBalanceByKey(database.db, escrowAccount(contractId, 'USD'))).toBe(0);
    expect(await getBalanceByKey(database.db, freelancerAccount(freelancerId, 'pending', 'USD'))).toBe(100 * 90);
    expect(await getBalanceByKey(database.db, feeAccount)).toBe(feeBefore + 100 * 10);
    await expectVerifyClean();
  });

  test('transfers back and forth between the same accounts never deadlock and conserve money', async () => {
    const owners = Array.from({ length: 4 }, () => newId());
    const wallets: AccountKey[] = owners.map((owner) => freelancerAccount(owner, 'available', 'USD'));
    const source = platformAccount('gateway_clearing', 'USD');
    for (const wallet of wallets) {
      await postTransfer(
        database.db,
        move({ idempotencyKey: newId(), reason: 'test.seed', at, from: source, to: wallet, amountCents: 2_000 }),
      );
    }
    const feeAccount = platformAccount('platform_fee_revenue', 'USD');
    const feeBefore = await getBalanceByKey(database.db, feeAccount);

    let seed = 42;
    const random = (max: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return Math.floor((seed / 2 ** 31) * max);
    };
    const results = await Promise.all(
      Array.from({ length: 200 }, () => {
        const from = random(wallets.length);
        const to = (from + 1 + random(wallets.length - 1)) % wallets.length;
        const amount = 1 + random(900);
        const fee = Math.floor(amount / 20);
        return outcome(() =>
          postTransfer(database.db, {
            idempotencyKey: newId(),
            reason: 'test.shuffle',
            at,
            postings: [
              { account: wallets[from] as AccountKey, amountCents: -amount },
              { account: wallets[to] as AccountKey, amountCents: amount - fee },
              ...(fee > 0 ? [{ account: feeAccount, amountCents: fee }] : []),
            ],
          }),
        );
      }),
    );

    const refusals = results.filter((result) => 'refused' in result);
    for (const refusal of refusals) expect(refusal).toEqual({ refused: 'insufficient_funds' });
    expect(results.length - refusals.length).toBeGreaterThan(50);
    const balances = await Promise.all(wallets.map((wallet) => getBalanceByKey(database.db, wallet)));
    for (const balance of balances) expect(balance).toBeGreaterThanOrEqual(0);
    const fees = (await getBalanceByKey(database.db, feeAccount)) - feeBefore;
    expect(balances.reduce((sum, balance) => sum + balance, 0) + fees).toBe(4 * 2_000);
    await expectVerifyClean();
  });
});
