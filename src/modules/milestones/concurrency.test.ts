import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { aFixedPriceContract } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { balancesOf, key, submission, verifyProblems } from './test-support.ts';

/*
 * Lifecycle actions on one contract racing on real PostgreSQL: the contract row lock serializes
 * them, so the outcome is always that of one order or the other, and the money matches it.
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const ROUNDS = 3;

async function aSubmittedContract() {
  const contract = await aFixedPriceContract(t, { amounts: [30_000, 20_000] });
  const base = `/api/contracts/${contract.id}`;
  const submitted = await contract.freelancer.http.post(
    `${base}/milestones/${contract.milestoneIds[0]}/submit`,
    submission(),
  );
  expect(submitted.status).toBe(200);
  return { contract, base };
}

describe('racing lifecycle actions', () => {
  test('the client approves while the freelancer ends the contract: one order wins, the money follows it', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { contract, base } = await aSubmittedContract();
      const before = await balancesOf(t, contract);
      const [approve, end] = await Promise.all([
        contract.client.http.post(`${base}/milestones/${contract.milestoneIds[0]}/approve`, {}, key()),
        contract.freelancer.http.post(`${base}/end`, { reason: 'Moving on' }, key()),
      ]);
      expect(end.status).toBe(200);
      const after = await balancesOf(t, contract);
      const overview = (await contract.client.http.get(`${base}/overview`)).body;
      if (approve.status === 200) {
        // Paid first; with nothing left in escrow the end took effect at once.
        expect(overview.state).toBe('ended');
        expect(overview.milestones[0]).toMatchObject({ state: 'approved', releasedCents: 30_000 });
        expect(after).toMatchObject({ escrow: 0, pending: before.pending + 24_000, clientFunds: before.clientFunds });
      } else {
        // Ended first: the milestone froze and its escrow waits for the freelancer's answer.
        expect(approve.status).toBe(409);
        expect(approve.body.detail).toContain('This contract is ending');
        expect(overview.state).toBe('ending');
        expect(overview.milestones[0]).toMatchObject({ state: 'submitted', releasedCents: 0 });
        expect(after).toEqual(before);
      }
    }
    expect(await verifyProblems(t)).toEqual([]);
  });

  test('two approvals of the same milestone: exactly one pays', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { contract, base } = await aSubmittedContract();
      const before = await balancesOf(t, contract);
      const results = await Promise.all([
        contract.client.http.post(`${base}/milestones/${contract.milestoneIds[0]}/approve`, {}, key()),
        contract.client.http.post(
          `${base}/milestones/${contract.milestoneIds[0]}/approve`,
          { amountCents: 10_000 },
          key(),
        ),
      ]);
      expect(results.map((res) => res.status).sort()).toEqual([200, 409]);
      const loser = results.find((res) => res.status === 409);
      expect(loser?.body.detail).toContain('This milestone is approved');
      const overview = (await contract.client.http.get(`${base}/overview`)).body;
      expect(overview.payments).toHaveLength(1);
      const paid = overview.payments[0].grossCents as number;
      const after = await balancesOf(t, contract);
      expect(after.escrow).toBe(30_000 - paid);
      expect(after.pending - before.pending).toBe(overview.payments[0].netCents);
    }
    expect(await verifyProblems(t)).toEqual([]);
  });

  test('funding the same milestone twice at once: one funds it, the other is refused', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const contract = await aFixedPriceContract(t, { amounts: [30_000, 20_000], clientFundsCents: 100_000 });
      const base = `/api/contracts/${contract.id}`;
      const before = await balancesOf(t, contract);
      const results = await Promise.all([
        contract.client.http.post(`${base}/milestones/${contract.milestoneIds[1]}/fund`, {}, key()),
        contract.client.http.post(`${base}/milestones/${contract.milestoneIds[1]}/fund`, {}, key()),
      ]);
      expect(results.map((res) => res.status).sort()).toEqual([200, 409]);
      const after = await balancesOf(t, contract);
      expect(after.escrow - before.escrow).toBe(20_000);
      // The Workroom funds covered it: $200 plus the 5% marketplace fee, once.
      expect(before.clientFunds - after.clientFunds).toBe(21_000);
    }
    expect(await verifyProblems(t)).toEqual([]);
  });
});
