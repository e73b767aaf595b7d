import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { newId } from '../../platform/ids.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { aSignedInUser } from '../accounts/test-factories.ts';
import { escrowAccount, freelancerAccount, getBalanceByKey } from './accounts.ts';
import { fundEscrow, recordCharge, releaseEscrow } from './movements.ts';
import { postTransfer } from './post-transfer.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

/** A client who paid in, funded a contract and released part of it to a freelancer. */
async function aPaidContract() {
  const client = await aSignedInUser(t, { role: 'client' });
  const freelancer = await aSignedInUser(t, { role: 'freelancer' });
  const contractId = newId();
  // A second apart, so that "newest first" has one answer.
  const start = t.clock.now().getTime();
  const second = (n: number) => new Date(start + n * 1_000);
  const common = { currency: 'USD', clientId: client.account.id, contractId };
  await postTransfer(
    t.services.db,
    recordCharge({ ...common, at: second(0), idempotencyKey: newId(), amountCents: 20_000, feeCents: 1_000 }),
  );
  const funded = await postTransfer(
    t.services.db,
    fundEscrow({ ...common, at: second(1), idempotencyKey: newId(), amountCents: 15_000 }),
  );
  const released = await postTransfer(
    t.services.db,
    releaseEscrow({
      ...common,
      at: second(2),
      idempotencyKey: newId(),
      freelancerId: freelancer.account.id,
      grossCents: 10_000,
      feeCents: 1_000,
    }),
  );
  return { client, freelancer, contractId, funded, released };
}

describe('GET /api/ledger/balances', () => {
  test('shows the caller their own accounts only', async () => {
    const { client, freelancer } = await aPaidContract();
    const mine = await freelancer.client.get('/api/ledger/balances');
    expect(mine.status).toBe(200);
    expect(mine.body.accounts).toEqual([
      expect.objectContaining({ kind: 'freelancer_pending', currency: 'USD', balanceCents: 9_000, guarded: true }),
    ]);
    const theirs = await client.client.get('/api/ledger/balances');
    expect(theirs.body.accounts).toEqual([
      expect.objectContaining({ kind: 'client_funding', currency: 'USD', balanceCents: 5_000, guarded: true }),
    ]);
    expect((await t.client().get('/api/ledger/balances')).status).toBe(401);
  });
});

describe('operator ledger routes', () => {
  test('list every transfer newest first, page by page, filtered by contract', async () => {
    const { client, contractId, funded, released } = await aPaidContract();
    const operator = await aSignedInUser(t, { role: 'operator' });
    expect((await client.client.get('/api/operator/ledger/transfers')).status).toBe(403);

    const first = await operator.client.get(`/api/operator/ledger/transfers?contractId=${contractId}&limit=1`);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.items[0]).toMatchObject({ id: released.id, reason: 'escrow.release', refs: { contractId } });
    expect(first.body.items[0].postings).toContainEqual(
      expect.objectContaining({ kind: 'platform_fee_revenue', ownerKind: 'platform', amountCents: 1_000 }),
    );
    const second = await operator.client.get(
      `/api/operator/ledger/transfers?contractId=${contractId}&limit=1&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((item: { id: string }) => item.id)).toEqual([funded.id]);
    expect(second.body.nextCursor).toBeNull();
    const bad = await operator.client.get('/api/operator/ledger/transfers?cursor=nonsense');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('cursor');
  });

  test('reverse a transfer: Idempotency-Key required, replayed on retry, refused twice', async () => {
    const { freelancer, contractId, released } = await aPaidContract();
    const operator = await aSignedInUser(t, { role: 'operator' });
    const path = `/api/operator/ledger/transfers/${released.id}/reverse`;
    const body = { memo: 'Released to the wrong freelancer' };

    expect((await freelancer.client.post(path, body, { 'idempotency-key': newId() })).status).toBe(403);
    const missing = await operator.client.post(path, body);
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe('headers.Idempotency-Key');

    const key = newId();
    const reversed = await operator.client.post(path, body, { 'idempotency-key': key });
    expect(reversed.status).toBe(201);
    expect(reversed.body).toMatchObject({
      reversesTransferId: released.id,
      reason: 'ledger.reversal',
      memo: body.memo,
    });
    expect(await getBalanceByKey(t.services.db, escrowAccount(contractId, 'USD'))).toBe(15_000);
    expect(await getBalanceByKey(t.services.db, freelancerAccount(freelancer.account.id, 'pending', 'USD'))).toBe(0);

    const replay = await operator.client.post(path, body, { 'idempotency-key': key });
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(reversed.body.id);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const twice = await operator.client.post(path, body, { 'idempotency-key': newId() });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('invalid_state');
    expect(await getBalanceByKey(t.services.db, escrowAccount(contractId, 'USD'))).toBe(15_000);

    const unknown = await operator.client.post(`/api/operator/ledger/transfers/${newId()}/reverse`, body, {
      'idempotency-key': newId(),
    });
    expect(unknown.status).toBe(404);
  });
});
