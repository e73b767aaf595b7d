import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import {
  aCard,
  aClientWithJob,
  aFreelancer,
  aPerson,
  fixedOfferBody,
  fundsOf,
  hourlyOfferBody,
  key,
  proposalBody,
} from '../proposals/test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

async function aPendingOffer() {
  const { client, jobId } = await aClientWithJob(t);
  await aCard(t, client, 'client');
  const freelancer = await aFreelancer(t);
  const { body: proposal } = await freelancer.http.post(`/api/jobs/${jobId}/proposals`, proposalBody());
  const { body: offer } = await client.http.post('/api/offers', fixedOfferBody(t, { proposalId: proposal.id }), key());
  return { client, freelancer, jobId, proposalId: proposal.id as string, offerId: offer.id as string };
}

describe('nobody acts on an offer that is not theirs', () => {
  test('the client cannot accept their own offer; strangers get 404; nothing moves', async () => {
    const { client, offerId } = await aPendingOffer();
    expect((await client.http.post(`/api/offers/${offerId}/accept`, undefined, key())).status).toBe(403);
    const otherFreelancer = await aPerson(t, 'freelancer');
    const otherClient = await aPerson(t, 'client');
    expect((await otherFreelancer.http.get(`/api/offers/${offerId}`)).status).toBe(404);
    expect((await otherFreelancer.http.post(`/api/offers/${offerId}/accept`, undefined, key())).status).toBe(404);
    expect((await otherFreelancer.http.post(`/api/offers/${offerId}/decline`, { reason: 'No' }, key())).status).toBe(
      404,
    );
    expect((await otherClient.http.get(`/api/offers/${offerId}`)).status).toBe(404);
    expect((await otherClient.http.post(`/api/offers/${offerId}/withdraw`, undefined, key())).status).toBe(404);
    expect((await otherClient.http.get('/api/offers')).body.items).toHaveLength(0);
    const seen = await client.http.get(`/api/offers/${offerId}`);
    expect(seen.body).toMatchObject({ state: 'pending', funding: { escrowBalanceCents: 30_000 } });
  });

  test('a client cannot make an offer from another client’s proposal, nor for another client’s job', async () => {
    const { proposalId, jobId, freelancer } = await aPendingOffer();
    const otherClient = await aPerson(t, 'client');
    const fromProposal = await otherClient.http.post('/api/offers', fixedOfferBody(t, { proposalId }), key());
    expect(fromProposal.status).toBe(400);
    expect(fromProposal.body.errors[0].field).toBe('proposalId');
    const forJob = await otherClient.http.post(
      '/api/offers',
      hourlyOfferBody(t, { freelancerId: freelancer.id, jobId }),
      key(),
    );
    expect(forJob.status).toBe(400);
    expect(forJob.body.errors[0].field).toBe('jobId');
  });

  test('one pending offer per proposal; the freelancer must decline it rather than withdraw the proposal', async () => {
    const { client, freelancer, proposalId } = await aPendingOffer();
    const second = await client.http.post('/api/offers', fixedOfferBody(t, { proposalId }), key());
    expect(second.status).toBe(409);
    const withdraw = await freelancer.http.post(`/api/proposals/${proposalId}/withdraw`);
    expect(withdraw.status).toBe(409);
    expect(withdraw.body.detail).toContain('decline the offer');
  });

  test('an offer to oneself or to a non-freelancer is refused', async () => {
    const client = await aPerson(t, 'client');
    const toClient = await client.http.post('/api/offers', hourlyOfferBody(t, { freelancerId: client.id }), key());
    expect(toClient.body.errors[0].field).toBe('freelancerId');
    const nobody = await client.http.post('/api/offers', hourlyOfferBody(t), key());
    expect(nobody.body.errors[0].field).toBe('freelancerId');
  });
});

describe('every limit is a 400 naming the field, and nothing is charged', () => {
  const milestone = (amountCents: number, overrides: Record<string, unknown> = {}) => ({
    title: 'Milestone',
    amountCents,
    dueDate: '2099-01-01',
    acceptanceCriteria: 'Works as described in the scope.',
    ...overrides,
  });
  const fixed = (milestones: unknown[], totalCents: number) => ({ type: 'fixed', totalCents, milestones });
  const cases: [string, Record<string, unknown>, string][] = [
    ['a short title', { title: 'Hi' }, 'title'],
    ['a short scope', { description: 'Do it.' }, 'description'],
    [
      'a milestone under $5',
      { terms: fixed([milestone(499), milestone(501)], 1_000) },
      'terms.milestones.0.amountCents',
    ],
    ['milestones not adding up', { terms: fixed([milestone(1_000)], 2_000) }, 'terms.milestones'],
    ['no milestones', { terms: fixed([], 1_000) }, 'terms.milestones'],
    [
      'a milestone without criteria',
      { terms: fixed([milestone(1_000, { acceptanceCriteria: '' })], 1_000) },
      'terms.milestones.0.acceptanceCriteria',
    ],
    [
      'a milestone due before the start',
      { terms: fixed([milestone(1_000, { dueDate: '2000-01-01' })], 1_000) },
      'terms.milestones.0.dueDate',
    ],
    [
      'a weekly limit of 0',
      { terms: { type: 'hourly', hourlyRateCents: 5_000, weeklyLimitHours: 0 } },
      'terms.weeklyLimitHours',
    ],
    [
      'an hourly rate over $999',
      { terms: { type: 'hourly', hourlyRateCents: 100_000, weeklyLimitHours: 10 } },
      'terms.hourlyRateCents',
    ],
    ['a start date in the past', { startDate: '2000-01-01' }, 'startDate'],
    ['an expiry beyond 30 days', { expiresAt: '2099-01-01T00:00:00Z' }, 'expiresAt'],
    ['a long message', { message: 'x'.repeat(5001) }, 'message'],
  ];
  test.each(cases)('%s', async (_name, overrides, field) => {
    const client = await aPerson(t, 'client');
    await aCard(t, client, 'client');
    const freelancer = await aPerson(t, 'freelancer');
    const refused = await client.http.post(
      '/api/offers',
      fixedOfferBody(t, { freelancerId: freelancer.id, ...overrides }),
      key(),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    expect(await fundsOf(t, client.id)).toBe(0);
  });

  test('a decline needs a reason', async () => {
    const { freelancer, offerId } = await aPendingOffer();
    const refused = await freelancer.http.post(`/api/offers/${offerId}/decline`, { reason: ' ' }, key());
    expect(refused.body.errors[0].field).toBe('reason');
  });
});
