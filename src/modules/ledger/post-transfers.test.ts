import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connect, type Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { createTestDatabase } from '../../test/harness.ts';
import { escrowAccount, freelancerAccount, getBalanceByKey, platformAccount } from './accounts.ts';
import { ledgerChecks } from './checks.ts';
import { fundEscrow, recordCharge, releaseEscrow } from './movements.ts';
import { postTransfer } from './post-transfer.ts';
import { postTransfers } from './post-transfers.ts';
import { TransferBatcher } from './transfer-batcher.ts';

let database: Database;
const at = new Date('2030-07-01T00:00:00Z');

beforeAll(async () => {
  database = connect((await createTestDatabase()).url, { max: 16 });
});
afterAll(async () => {
  await database.close();
});

async function aFundedContract(escrowCents: number) {
  const clientId = newId();
  const contractId = newId();
  const charge = recordCharge({ idempotencyKey: newId(), at, clientId, currency: 'USD', amountCents: escrowCents });
  await postTransfer(database.db, charge);
  const funding = fundEscrow({
    idempotencyKey: newId(),
    at,
    clientId,
    contractId,
    currency: 'USD',
    amountCents: escrowCents,
  });
  await postTransfer(database.db, funding);
  return { clientId, contractId };
}

const release = (contractId: string, freelancerId: string, grossCents: number, idempotencyKey = newId()) =>
  releaseEscrow({
    idempotencyKey,
    at,
    contractId,
    freelancerId,
    currency: 'USD',
    grossCents,
    feeCents: grossCents / 10,
  });

async function expectVerifyClean() {
  for (const check of ledgerChecks) {
    expect(await inTransaction(database.db, (tx) => check.run(tx, undefined as never)), check.name).toEqual([]);
  }
}

describe('postTransfers', () => {
  test('decides each transfer of a batch in order, on its own', async () => {
    const { contractId } = await aFundedContract(1_000);
    const freelancerId = newId();
    const earlier = await postTransfer(database.db, release(contractId, freelancerId, 100));
    const results = await postTransfers(database.db, [
      release(contractId, freelancerId, 500),
      release(contractId, freelancerId, 500), // only 400 left after the first
      release(contractId, freelancerId, 400),
      release(contractId, freelancerId, 100, earlier.idempotencyKey), // a retry of an earlier transfer
      release(contractId, freelancerId, 200, earlier.idempotencyKey), // the same key twice in one batch
      { ...release(contractId, freelancerId, 100), postings: [] }, // invalid: refused before the database
    ]);
    const summary = results.map((result) =>
      result.ok ? (result.transfer.replayed ? 'replayed' : 'posted') : result.error.code,
    );
    expect(summary).toEqual([
      'posted',
      'insufficient_funds',
      'posted',
      'replayed',
      'validation_failed',
      'validation_failed',
    ]);
    const replay = results[3];
    expect(replay?.ok && replay.transfer.id).toBe(earlier.id);
    expect(await getBalanceByKey(database.db, escrowAccount(contractId, 'USD'))).toBe(0);
    expect(await getBalanceByKey(database.db, freelancerAccount(freelancerId, 'pending', 'USD'))).toBe(900);
    await expectVerifyClean();
  });

  test('a key posted before with other postings is refused in a batch too', async () => {
    const { contractId } = await aFundedContract(1_000);
    const freelancerId = newId();
    const earlier = await postTransfer(database.db, release(contractId, freelancerId, 100));
    const [result] = await postTransfers(database.db, [release(contractId, freelancerId, 300, earlier.idempotencyKey)]);
    expect(result?.ok === false && result.error.code).toBe('idempotency_key_reused');
    expect(await getBalanceByKey(database.db, escrowAccount(contractId, 'USD'))).toBe(900);
  });

  test('accounts named by key are created on first use, once, even twice in one batch', async () => {
    const { contractId } = await aFundedContract(1_000);
    const freelancerId = newId();
    const results = await postTransfers(database.db, [
      release(contractId, freelancerId, 100),
      release(contractId, freelancerId, 200),
    ]);
    expect(results.every((result) => result.ok)).toBe(true);
    const [first, second] = results.map((result) => (result.ok ? result.transfer : undefined));
    expect(first?.postings[1]?.accountId).toBe(second?.postings[1]?.accountId);
    expect(await getBalanceByKey(database.db, freelancerAccount(freelancerId, 'pending', 'USD'))).toBe(270);
  });
});

describe('TransferBatcher', () => {
  test('200 concurrent callers: each gets its own answer, nothing overdrawn or counted twice', async () => {
    const { contractId } = await aFundedContract(10_000);
    const freelancerId = newId();
    const feeBefore = await getBalanceByKey(database.db, platformAccount('platform_fee_revenue', 'USD'));
    const batcher = new TransferBatcher(database.db, { maxInFlight: 3 });
    const keys = Array.from({ length: 150 }, () => newId());
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        batcher.post(release(contractId, freelancerId, 100, keys[index % keys.length])).then(
          (transfer) => transfer.id,
          (error: unknown) => (error instanceof AppError ? error.code : String(error)),
        ),
      ),
    );
    const posted = new Set(outcomes.filter((outcome) => outcome !== 'insufficient_funds'));
    expect(posted.size).toBe(100);
    // Keys sent twice (the first 50): both callers got the same transfer, or both were refused.
    for (let index = 0; index < 50; index++) expect(outcomes[index]).toBe(outcomes[index + keys.length]);
    expect(await getBalanceByKey(database.db, escrowAccount(contractId, 'USD'))).toBe(0);
    expect(await getBalanceByKey(database.db, freelancerAccount(freelancerId, 'pending', 'USD'))).toBe(9_000);
    expect(await getBalanceByKey(database.db, platformAccount('platform_fee_revenue', 'USD'))).toBe(feeBefore + 1_000);
    await expectVerifyClean();
  });
});
