import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { connect, type Database } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { createTestDatabase } from '../../test/harness.ts';
import { type AccountKey, accountKinds, escrowAccount, freelancerAccount, platformAccount } from './accounts.ts';
import { ledgerChecks } from './checks.ts';
import { type PostingInput, postTransfer } from './post-transfer.ts';
import { reverseTransfer } from './reverse-transfer.ts';

/*
 * Random sequences of transfers (some overdrawing, some repeating an idempotency key with the
 * same or other postings) and reversals, run against PostgreSQL and against a plain in-memory
 * model of balances; after every step each balance must equal the model's.
 */

let database: Database;
const at = new Date('2030-05-01T00:00:00Z');

beforeAll(async () => {
  database = connect((await createTestDatabase()).url, { max: 2 });
});
afterAll(async () => {
  await database.close();
});

const ACCOUNT_COUNT = 7;

type Op =
  | { type: 'transfer'; from: number; to: number; amount: number; withFee: boolean; key: KeyChoice }
  | { type: 'reverse'; pick: number; sameKeyAgain: boolean };
/** A new key, or the key of an earlier transfer with its exact postings (a retry) or with these (a misuse). */
type KeyChoice = { fresh: true } | { fresh: false; pick: number; retry: boolean };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      type: fc.constant('transfer' as const),
      from: fc.nat(ACCOUNT_COUNT - 1),
      to: fc.nat(ACCOUNT_COUNT - 1),
      amount: fc.integer({ min: 1, max: 2_000 }),
      withFee: fc.boolean(),
      key: fc.oneof(
        { weight: 4, arbitrary: fc.constant({ fresh: true as const }) },
        {
          weight: 1,
          arbitrary: fc.record({ fresh: fc.constant(false as const), pick: fc.nat(), retry: fc.boolean() }),
        },
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant('reverse' as const), pick: fc.nat(), sameKeyAgain: fc.boolean() }),
  },
);

interface Posted {
  key: string;
  id: string;
  postings: { account: number; amount: number }[];
  reversalKey?: string;
}

function keyOf(account: AccountKey): string {
  return `${account.ownerKind}:${account.ownerId}:${account.kind}:${account.currency}`;
}

test('balances always equal an in-memory model of the same operations', async () => {
  // Which outcomes the random runs reached: the property only means something if all of them occur.
  const seen = new Set<string>();
  await fc.assert(
    fc.asyncProperty(fc.array(opArbitrary, { minLength: 1, maxLength: 30 }), async (ops) => {
      let outcome: unknown;
      // The platform's two clearing accounts (unguarded, may go negative), fresh owners per run for
      // two escrows and two freelancer pending accounts (guarded), and the platform fee account
      // (sharded). The platform's accounts are shared across runs: the model starts from their balances.
      const contract = [newId(), newId()];
      const accounts: AccountKey[] = [
        platformAccount('gateway_clearing', 'USD'),
        platformAccount('payout_clearing', 'USD'),
        escrowAccount(contract[0] as string, 'USD'),
        escrowAccount(contract[1] as string, 'USD'),
        freelancerAccount(newId(), 'pending', 'USD'),
        freelancerAccount(newId(), 'pending', 'USD'),
        platformAccount('platform_fee_revenue', 'USD'),
      ];
      const feeIndex = ACCOUNT_COUNT - 1;
      const model = new Array<number>(ACCOUNT_COUNT).fill(0);
      for (const shared of [0, 1, feeIndex]) model[shared] = await balanceOf(accounts[shared] as AccountKey);
      const posted: Posted[] = [];

      for (const op of ops) {
        if (op.type === 'transfer') {
          const previous = op.key.fresh ? undefined : posted[op.key.pick % Math.max(1, posted.length)];
          const legs = previous && !op.key.fresh && op.key.retry ? previous.postings : legsFor(op, feeIndex);
          const key = previous?.key ?? newId();
          outcome = await attempt(() =>
            postTransfer(database.db, {
              idempotencyKey: key,
              reason: 'test.property',
              at,
              postings: legs.map(
                (leg): PostingInput => ({ account: accounts[leg.account] as AccountKey, amountCents: leg.amount }),
              ),
            }),
          );
          if (new Set(legs.map((leg) => leg.account)).size < legs.length) {
            expect(outcome).toBe('validation_failed');
          } else if (previous) {
            expect(outcome).toBe(sameLegs(previous.postings, legs) ? 'replayed' : 'idempotency_key_reused');
          } else if (overdraws(model, accounts, legs)) {
            expect(outcome).toBe('insufficient_funds');
          } else {
            expect(outcome).toMatchObject({ replayed: false });
            apply(model, legs);
            posted.push({ key, id: (outcome as { id: string }).id, postings: legs });
          }
        } else {
          const original = posted[op.pick % Math.max(1, posted.length)];
          if (!original) continue;
          const reversalKey = op.sameKeyAgain && original.reversalKey ? original.reversalKey : newId();
          outcome = await attempt(() =>
            reverseTransfer(database.db, { transferId: original.id, idempotencyKey: reversalKey, at }),
          );
          const opposite = original.postings.map((leg) => ({ account: leg.account, amount: -leg.amount }));
          if (original.reversalKey) {
            expect(outcome).toBe(reversalKey === original.reversalKey ? 'replayed' : 'invalid_state');
          } else if (overdraws(model, accounts, opposite)) {
            expect(outcome).toBe('insufficient_funds');
          } else {
            expect(outcome).toMatchObject({ replayed: false });
            apply(model, opposite);
            original.reversalKey = reversalKey;
          }
        }
        seen.add(typeof outcome === 'string' ? `${op.type}:${outcome}` : `${op.type}:posted`);
        for (const [index, account] of accounts.entries()) {
          expect(await balanceOf(account), `balance of ${keyOf(account)}`).toBe(model[index]);
        }
      }
    }),
    { numRuns: 40 },
  );
  for (const expected of [
    'transfer:posted',
    'transfer:insufficient_funds',
    'transfer:replayed',
    'transfer:idempotency_key_reused',
    'transfer:validation_failed',
    'reverse:posted',
  ]) {
    expect(seen, expected).toContain(expected);
  }
  for (const check of ledgerChecks) {
    expect(await inTransaction(database.db, (tx) => check.run(tx, undefined as never)), check.name).toEqual([]);
  }
}, 120_000);

function legsFor(op: Extract<Op, { type: 'transfer' }>, feeIndex: number): { account: number; amount: number }[] {
  // The fee account is only ever credited, as in real life; a transfer "from" it is sent from account 0.
  const from = op.from === feeIndex ? 0 : op.from;
  const to = op.to;
  const fee = op.withFee && to !== feeIndex && from !== feeIndex ? Math.floor(op.amount / 10) : 0;
  const legs = [
    { account: from, amount: -op.amount },
    { account: to, amount: op.amount - fee },
  ];
  if (fee > 0) legs.push({ account: feeIndex, amount: fee });
  return legs;
}

function overdraws(model: number[], accounts: AccountKey[], legs: { account: number; amount: number }[]): boolean {
  return legs.some((leg) => {
    const account = accounts[leg.account] as AccountKey;
    return accountKinds[account.kind].guarded && (model[leg.account] as number) + leg.amount < 0;
  });
}

function apply(model: number[], legs: { account: number; amount: number }[]): void {
  for (const leg of legs) model[leg.account] = (model[leg.account] as number) + leg.amount;
}

function sameLegs(a: { account: number; amount: number }[], b: { account: number; amount: number }[]): boolean {
  const text = (legs: { account: number; amount: number }[]) =>
    legs
      .map((leg) => `${leg.account}:${leg.amount}`)
      .sort()
      .join(',');
  return text(a) === text(b);
}

/** The transfer, 'replayed' for a replay, or the AppError code. */
async function attempt(run: () => Promise<{ id: string; replayed: boolean }>): Promise<unknown> {
  try {
    const transfer = await run();
    return transfer.replayed ? 'replayed' : transfer;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

async function balanceOf(account: AccountKey): Promise<number> {
  const result = await database.db.execute<{ balance: number | null }>(sql`
    select sum(b.balance_cents)::bigint as balance
      from ledger_accounts a join ledger_balances b on b.account_id = a.id
     where a.owner_kind = ${account.ownerKind} and a.owner_id = ${account.ownerId}
       and a.kind = ${account.kind} and a.currency = ${account.currency}`);
  return result.rows[0]?.balance ?? 0;
}
