import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inTransaction } from '../../db/transaction.ts';
import { DAY, MINUTE } from '../../platform/clock.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { connectsChecks } from '../connects/checks.ts';
import { contractChecks } from '../contracts/checks.ts';
import {
  aCard,
  aClientWithJob,
  aFreelancer,
  aPerson,
  escrowOf,
  fixedOfferBody,
  fundsOf,
  hourlyOfferBody,
  key,
  type Person,
  proposalBody,
} from '../proposals/test-support.ts';
import { runDueTasks } from '../scheduler/index.ts';
import { offerChecks } from './checks.ts';
import { offersModule } from './module.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

async function aProposal() {
  const { client, jobId } = await aClientWithJob(t);
  await aCard(t, client, 'client');
  const freelancer = await aFreelancer(t);
  const { body: proposal } = await freelancer.http.post(`/api/jobs/${jobId}/proposals`, proposalBody());
  return { client, freelancer, jobId, proposalId: proposal.id as string };
}

const offerFrom = (client: Person, proposalId: string, overrides: Record<string, unknown> = {}) =>
  client.http.post('/api/offers', fixedOfferBody(t, { proposalId, ...overrides }), key());

describe('a fixed-price offer', () => {
  test('is funded when sent: escrow holds the first milestone, both sides see the fees', async () => {
    const { client, freelancer, proposalId } = await aProposal();
    const sent = await offerFrom(client, proposalId);
    expect(sent.status).toBe(201);
    const offer = sent.body;
    expect(offer).toMatchObject({ state: 'pending', type: 'fixed', proposalId, contractId: null });
    // 5% marketplace fee on the first milestone ($300): the card was charged $315.
    expect(offer.funding).toEqual({
      fundedCents: 30_000,
      clientFeeCents: 1_500,
      paidCents: 31_500,
      escrowBalanceCents: 30_000,
    });
    // On the whole $500: the client pays $525; the freelancer's 20% fee leaves $400.
    expect(offer.fees).toMatchObject({
      basis: 'total',
      amountCents: 50_000,
      client: { marketplaceFeeCents: 2_500, totalCents: 52_500 },
      freelancer: { serviceFeeCents: 10_000, netCents: 40_000 },
    });
    expect(offer.fixed.milestones.map((m: { funded: boolean }) => m.funded)).toEqual([true, false]);
    expect(await fundsOf(t, client.id)).toBe(0);

    const seen = await freelancer.http.get(`/api/offers/${offer.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.fees).toEqual(offer.fees);
    expect((await freelancer.http.get(`/api/proposals/${proposalId}`)).body.pendingOfferId).toBe(offer.id);
    expect(
      (await freelancer.http.get('/api/offers?role=freelancer')).body.items.map((o: { id: string }) => o.id),
    ).toEqual([offer.id]);
  });

  test('accepted: the contract has terms v1, milestones with the funded one in escrow, and the job closes as hired', async () => {
    const { client, freelancer, jobId, proposalId } = await aProposal();
    const { body: offer } = await offerFrom(client, proposalId);
    const accepted = await freelancer.http.post(`/api/offers/${offer.id}/accept`, undefined, key());
    expect(accepted.status).toBe(200);
    const contract = accepted.body;
    expect(contract).toMatchObject({
      type: 'fixed',
      state: 'active',
      offerId: offer.id,
      jobId,
      proposalId,
      escrowBalanceCents: 30_000,
      terms: { version: 1, title: 'Logistics dashboard, phase 1', fixed: { totalCents: 50_000 } },
    });
    expect(
      contract.milestones.map((m: { state: string; inEscrowCents: number }) => [m.state, m.inEscrowCents]),
    ).toEqual([
      ['funded', 30_000],
      ['not_funded', 0],
    ]);
    expect(contract.terms.fixed.milestones.map((m: { id: string }) => m.id)).toEqual(
      contract.milestones.map((m: { id: string }) => m.id),
    );
    expect(await escrowOf(t, contract.id)).toBe(30_000);

    const job = await client.http.get(`/api/jobs/${jobId}`);
    expect(job.body.job).toMatchObject({ state: 'closed', closeReason: 'hired' });
    expect(job.body.counters).toMatchObject({ hires: 1 });
    expect((await client.http.get(`/api/proposals/${proposalId}`)).body).toMatchObject({
      state: 'hired',
      pendingOfferId: null,
    });
    expect((await client.http.get(`/api/offers/${offer.id}`)).body).toMatchObject({
      state: 'accepted',
      contractId: contract.id,
    });
    const notifications = await client.http.get('/api/notifications');
    expect(notifications.body.items.map((n: { kind: string }) => n.kind)).toContain('offer.accepted');
    for (const party of [client, freelancer]) {
      const mine = await party.http.get('/api/contracts');
      expect(mine.body.items.map((c: { id: string }) => c.id)).toEqual([contract.id]);
      expect((await party.http.get(`/api/contracts/${contract.id}`)).status).toBe(200);
    }
    const stranger = await aPerson(t, 'client');
    expect((await stranger.http.get(`/api/contracts/${contract.id}`)).status).toBe(404);
  });

  test('declined: the escrow and the fee go back to the client’s funds, and the proposal can take a new offer', async () => {
    const { client, freelancer, proposalId } = await aProposal();
    const { body: offer } = await offerFrom(client, proposalId);
    const declined = await freelancer.http.post(
      `/api/offers/${offer.id}/decline`,
      { reason: 'The timeline is too short for me.' },
      key(),
    );
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ state: 'declined', declineReason: 'The timeline is too short for me.' });
    expect(declined.body.funding.escrowBalanceCents).toBe(0);
    expect(await fundsOf(t, client.id)).toBe(31_500);

    // The returned funds pay for the next offer: no new charge.
    const again = await offerFrom(client, proposalId, { terms: { ...fixedOfferBody(t).terms, fund: 'first' } });
    expect(again.status).toBe(201);
    expect(await fundsOf(t, client.id)).toBe(0);
  });

  test('withdrawn by the client: money back; a second withdraw is a 409 naming the state', async () => {
    const { client, proposalId } = await aProposal();
    const { body: offer } = await offerFrom(client, proposalId);
    const withdrawn = await client.http.post(`/api/offers/${offer.id}/withdraw`, undefined, key());
    expect(withdrawn.body.state).toBe('withdrawn');
    expect(await fundsOf(t, client.id)).toBe(31_500);
    const twice = await client.http.post(`/api/offers/${offer.id}/withdraw`, undefined, key());
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toBe('This offer is withdrawn; it cannot be withdrawn.');
  });

  test('expired after 7 days by the scheduler: money back, and it can no longer be accepted', async () => {
    const { client, freelancer, proposalId } = await aProposal();
    const { body: offer } = await offerFrom(client, proposalId, { terms: { ...fixedOfferBody(t).terms, fund: 'all' } });
    expect(offer.funding.fundedCents).toBe(50_000);
    t.clock.advance(7 * DAY + MINUTE);
    await runDueTasks(t.services, offersModule.tasks ?? []);
    const seen = await client.http.get(`/api/offers/${offer.id}`);
    expect(seen.body.state).toBe('expired');
    expect(seen.body.funding.escrowBalanceCents).toBe(0);
    expect(await fundsOf(t, client.id)).toBe(52_500);
    const late = await freelancer.http.post(`/api/offers/${offer.id}/accept`, undefined, key());
    expect(late.status).toBe(409);
  });

  test('the same Idempotency-Key sends one offer and charges once; a declined card sends none', async () => {
    const { client, proposalId } = await aProposal();
    const headers = key();
    const body = fixedOfferBody(t, { proposalId });
    const first = await client.http.post('/api/offers', body, headers);
    const second = await client.http.post('/api/offers', body, headers);
    expect(second.body.id).toBe(first.body.id);
    expect((await client.http.get('/api/offers?role=client')).body.items).toHaveLength(1);

    const other = await aClientWithJob(t);
    await aCard(t, other.client, 'client', '4000000000000341'); // declined when charged
    const freelancer = await aFreelancer(t);
    const { body: proposal } = await freelancer.http.post(`/api/jobs/${other.jobId}/proposals`, proposalBody());
    const refused = await offerFrom(other.client, proposal.id);
    expect(refused.status).toBe(402);
    expect((await other.client.http.get('/api/offers')).body.items).toHaveLength(0);
    expect((await freelancer.http.get(`/api/proposals/${proposal.id}`)).body.pendingOfferId).toBeNull();
  });
});

describe('an hourly offer', () => {
  test('sent directly to a freelancer and accepted: an hourly contract with nothing in escrow', async () => {
    const client = await aPerson(t, 'client');
    const freelancer = await aPerson(t, 'freelancer');
    const sent = await client.http.post('/api/offers', hourlyOfferBody(t, { freelancerId: freelancer.id }), key());
    expect(sent.status).toBe(201);
    expect(sent.body.fees).toMatchObject({
      basis: 'hour',
      amountCents: 6_000,
      client: { marketplaceFeeCents: 300, totalCents: 6_300 },
      freelancer: { serviceFeeCents: 1_200, netCents: 4_800 },
      weeklyLimit: { hours: 20, clientMaxCents: 126_000 },
    });
    const accepted = await freelancer.http.post(`/api/offers/${sent.body.id}/accept`, undefined, key());
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      type: 'hourly',
      jobId: null,
      milestones: [],
      escrowBalanceCents: 0,
      terms: { version: 1, hourly: { rateCents: 6_000, weeklyLimitHours: 20, manualTimeAllowed: true } },
    });
  });

  test('kept open to hire more: the job stays open with one hire; an operator can read the contract', async () => {
    const { client, jobId } = await aClientWithJob(t);
    const freelancer = await aPerson(t, 'freelancer');
    const sent = await client.http.post(
      '/api/offers',
      hourlyOfferBody(t, { freelancerId: freelancer.id, jobId, keepJobOpen: true }),
      key(),
    );
    expect(sent.status).toBe(201);
    expect(sent.body.job).toMatchObject({ id: jobId });
    const { body: contract } = await freelancer.http.post(`/api/offers/${sent.body.id}/accept`, undefined, key());
    const job = await client.http.get(`/api/jobs/${jobId}`);
    expect(job.body.job.state).toBe('open');
    expect(job.body.counters).toMatchObject({ hires: 1 });
    const operator = await aPerson(t, 'operator');
    expect((await operator.http.get(`/api/contracts/${contract.id}`)).body.id).toBe(contract.id);
  });

  test('two accepts racing make exactly one contract', async () => {
    const client = await aPerson(t, 'client');
    const freelancer = await aPerson(t, 'freelancer');
    const { body: offer } = await client.http.post(
      '/api/offers',
      hourlyOfferBody(t, { freelancerId: freelancer.id }),
      key(),
    );
    const answers = await Promise.all([
      freelancer.http.post(`/api/offers/${offer.id}/accept`, undefined, key()),
      freelancer.http.post(`/api/offers/${offer.id}/accept`, undefined, key()),
      freelancer.http.post(`/api/offers/${offer.id}/accept`, undefined, key()),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    expect((await freelancer.http.get('/api/contracts')).body.items).toHaveLength(1);
  });
});

test('workroom verify is clean after all of the above', async () => {
  const violations = await inTransaction(t.services.db, async (tx) =>
    (
      await Promise.all(
        [...offerChecks, ...contractChecks, ...connectsChecks].map((check) => check.run(tx, t.services)),
      )
    ).flat(),
  );
  expect(violations).toEqual([]);
});
