import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connect, type Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { createTestDatabase } from '../../test/harness.ts';
import { clientFundingAccount, escrowAccount, freelancerAccount, getBalanceByKey } from './accounts.ts';
import { ledgerChecks } from './checks.ts';
import { fundEscrow, recordCharge, releaseEscrow } from './movements.ts';
import { postTransfer } from './post-transfer.ts';
import { reverseTransfer } from './reverse-transfer.ts';

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

describe('reverseTransfer', () => {
  test('posts the exact opposite, once, referencing the original', async () => {
    const { clientId, contractId } = await aFundedContract(10_000, 4_000);
    const funded = await postTransfer(
      database.db,
      fundEscrow({ idempotencyKey: newId(), at, clientId, contractId, currency: 'USD', amountCents: 1_500 }),
    );
    const key = newId();
    const reversal = await reverseTransfer(database.db, { transferId: funded.id, idempotencyKey: key, at });
    expect(reversal.reversesTransferId).toBe(funded.id);
    expect(reversal.refs.contractId).toBe(contractId);
    expect(await getBalanceByKey(database.db, escrowAccount(contractId, 'USD'))).toBe(4_000);
    expect(await getBalanceByKey(database.db, clientFundingAccount(clientId, 'USD'))).toBe(6_000);
    // Retried with its key: the same reversal. With another key: refused. A reversal: not reversible.
    expect((await reverseTransfer(database.db, { transferId: funded.id, idempotencyKey: key, at })).id).toBe(
      reversal.id,
    );
    expect(await errorCode(reverseTransfer(database.db, { transferId: funded.id, idempotencyKey: newId(), at }))).toBe(
      'invalid_state',
    );
    expect(
      await errorCode(reverseTransfer(database.db, { transferId: reversal.id, idempotencyKey: newId(), at })),
    ).toBe('invalid_state');
    expect(await errorCode(reverseTransfer(database.db, { transferId: newId(), idempotencyKey: newId(), at }))).toBe(
      'not_found',
    );
    expect(await getBalanceByKey(database.db, escrowAccount(contractId, 'USD'))).toBe(4_000);
    expect(await verifyViolations()).toEqual([]);
  });

  test('cannot take back money a guarded account no longer holds', async () => {
    const { contractId, freelancerId } = await aFundedContract(10_000, 4_000);
    const release = await postTransfer(
      database.db,
      releaseEscrow({
        idempotencyKey: newId(),
        at,
        contractId,
        freelancerId,
        currency: 'USD',
        grossCents: 4_000,
        feeCents: 400,
      }),
    );
    await postTransfer(database.db, {
      idempotencyKey: newId(),
      reason: 'earnings.clear',
      at,
      postings: [
        { account: freelancerAccount(freelancerId, 'pending', 'USD'), amountCents: -3_600 },
        { account: freelancerAccount(freelancerId, 'available', 'USD'), amountCents: 3_600 },
      ],
    });
    expect(await errorCode(reverseTransfer(database.db, { transferId: release.id, idempotencyKey: newId(), at }))).toBe(
      'insufficient_funds',
    );
    expect(await getBalanceByKey(database.db, escrowAccount(contractId, 'USD'))).toBe(0);
  });
});
