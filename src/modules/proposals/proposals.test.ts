import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import {
  aClientWithJob,
  aFreelancer,
  aPerson,
  connectsOf,
  hourlyTerms,
  postJob,
  proposalBody,
} from './test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const counters = async (
  client: { http: { get: (path: string) => Promise<{ body: { counters: unknown } }> } },
  jobId: string,
) => (await client.http.get(`/api/jobs/${jobId}`)).body.counters;

describe('sending a proposal', () => {
  test('costs Connects by the job’s value, shows what the freelancer receives, and reaches the client', async () => {
    const { client, jobId } = await aClientWithJob(t);
    const freelancer = await aFreelancer(t, 'Priya Raman');
    const sent = await freelancer.http.post(`/api/jobs/${jobId}/proposals`, proposalBody());
    expect(sent.status).toBe(201);
    // A $2,500 budget is in the $2,500-$9,999 tier: 6 Connects.
    expect(sent.body).toMatchObject({ state: 'submitted', connectsSpent: 6, invited: false, threadId: null });
    // Sliding fee: 20% of the first $500 + 10% of the next $1,900 = $290; $2,110 left.
    expect(sent.body.fees).toMatchObject({ basis: 'project', grossCents: 240_000, serviceFeeCents: 29_000 });
    expect(sent.body.youReceiveCents).toBe(211_000);
    expect(sent.body.answers).toEqual([
      { question: 'Which dashboards have you built?', answer: proposalBody().answers[0] },
    ]);
    expect(await connectsOf(t, freelancer.id)).toBe(4);
    expect(await counters(client, jobId)).toMatchObject({ proposals: 1, interviewing: 0 });

    const list = await client.http.get(`/api/jobs/${jobId}/proposals`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ id: sent.body.id, freelancer: { name: 'Priya Raman' }, fees: null });

    const twice = await freelancer.http.post(`/api/jobs/${jobId}/proposals`, proposalBody());
    expect(twice.status).toBe(409);
    expect(await connectsOf(t, freelancer.id)).toBe(4);

    const history = await freelancer.http.get('/api/connects');
    expect(history.body.history[0]).toMatchObject({ kind: 'spend', amount: -6, balanceAfter: 4, jobId });
  });

  test('without enough Connects it is refused with a clear 402 and nothing is spent or saved', async () => {
    const freelancer = await aFreelancer(t);
    const first = await aClientWithJob(t);
    const second = await aClientWithJob(t);
    expect((await freelancer.http.post(`/api/jobs/${first.jobId}/proposals`, proposalBody())).status).toBe(201);
    const refused = await freelancer.http.post(`/api/jobs/${second.jobId}/proposals`, proposalBody());
    expect(refused.status).toBe(402);
    expect(refused.body.detail).toBe('This proposal costs 6 Connects and you have 4. Buy more Connects to send it.');
    expect(await connectsOf(t, freelancer.id)).toBe(4);
    expect(await counters(second.client, second.jobId)).toMatchObject({ proposals: 0 });
    expect((await freelancer.http.get('/api/proposals/mine')).body.items).toHaveLength(1);
  });

  test('answering an invitation is free, and an invite-only job is invisible to others', async () => {
    const { client, jobId } = await aClientWithJob(t, { visibility: 'invite_only' });
    const invited = await aPerson(t, 'freelancer');
    const stranger = await aFreelancer(t);
    const invite = await client.http.post(`/api/jobs/${jobId}/invitations`, {
      freelancerId: invited.id,
      message: 'Your portfolio fits this job well.',
    });
    expect(invite.status).toBe(201);
    const sent = await invited.http.post(`/api/jobs/${jobId}/proposals`, proposalBody());
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ connectsSpent: 0, invited: true });
    expect(await connectsOf(t, invited.id)).toBe(0);

    const hidden = await stranger.http.post(`/api/jobs/${jobId}/proposals`, proposalBody());
    expect(hidden.status).toBe(404);
    expect(await connectsOf(t, stranger.id)).toBe(10);
  });

  test('an hourly job takes an hourly bid, priced by its top rate', async () => {
    const client = await aPerson(t, 'client');
    const jobId = await postJob(client, { ...hourlyTerms, screeningQuestions: [] });
    const freelancer = await aFreelancer(t);
    const wrongType = await freelancer.http.post(`/api/jobs/${jobId}/proposals`, proposalBody({ answers: [] }));
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors[0].field).toBe('bid.type');
    const sent = await freelancer.http.post(
      `/api/jobs/${jobId}/proposals`,
      proposalBody({ answers: [], bid: { type: 'hourly', hourlyRateCents: 6500 } }),
    );
    expect(sent.status).toBe(201);
    // Up to $70/h: the $50-$99 tier, 6 Connects; the fee preview is per hour.
    expect(sent.body).toMatchObject({ connectsSpent: 6, bid: { type: 'hourly', amountCents: 6500 } });
    expect(sent.body.fees).toMatchObject({ basis: 'hour', youReceiveCents: 5200 });
  });
});

describe('the client works through proposals', () => {
  test('interviewing opens the thread with the client’s message; the freelancer replies there', async () => {
    const { client, jobId } = await aClientWithJob(t);
    const freelancer = await aFreelancer(t);
    const { body: proposal } = await freelancer.http.post(`/api/jobs/${jobId}/proposals`, proposalBody());
    expect((await freelancer.http.get('/api/threads')).body.items ?? []).toHaveLength(0);

    const interview = await client.http.post(`/api/proposals/${proposal.id}/interview`, {
      message: 'Thanks! Could we talk about the map library you would use?',
    });
    expect(interview.status).toBe(200);
    expect(interview.body.state).toBe('interviewing');
    const threadId = interview.body.threadId as string;
    expect(threadId).toBeTruthy();
    expect(await counters(client, jobId)).toMatchObject({ interviewing: 1 });

    const seen = await freelancer.http.get(`/api/proposals/${proposal.id}`);
    expect(seen.body.threadId).toBe(threadId);
    const messages = await freelancer.http.get(`/api/threads/${threadId}/messages`);
    expect(messages.body.items.map((m: { text: string }) => m.text)).toEqual([
      'Thanks! Could we talk about the map library you would use?',
    ]);
    const reply = await freelancer.http.post(`/api/threads/${threadId}/messages`, { text: 'MapLibre, happy to talk.' });
    expect(reply.status).toBe(201);

    const messaged = await client.http.post(`/api/proposals/${proposal.id}/message`, {
      text: 'Great, tomorrow 10:00?',
    });
    expect(messaged.body.threadId).toBe(threadId);
  });

  test('a client message opens the conversation; a decline carries a reason the freelancer sees', async () => {
    const { client, jobId } = await aClientWithJob(t);
    const freelancer = await aFreelancer(t);
    const { body: proposal } = await freelancer.http.post(`/api/jobs/${jobId}/proposals`, proposalBody());
    const messaged = await client.http.post(`/api/proposals/${proposal.id}/message`, { text: 'Is your bid firm?' });
    expect(messaged.status).toBe(200);
    expect(messaged.body.threadId).toBeTruthy();
    expect(messaged.body.state).toBe('submitted');

    const declined = await client.http.post(`/api/proposals/${proposal.id}/decline`, {
      reason: 'We chose someone with more mapping experience.',
    });
    expect(declined.status).toBe(200);
    const seen = await freelancer.http.get(`/api/proposals/${proposal.id}`);
    expect(seen.body).toMatchObject({
      state: 'declined',
      declineReason: 'We chose someone with more mapping experience.',
    });
    const withdraw = await freelancer.http.post(`/api/proposals/${proposal.id}/withdraw`);
    expect(withdraw.status).toBe(409);
    expect(withdraw.body.detail).toContain('declined');
  });

  test('the freelancer edits the bid, then withdraws (Connects are not returned)', async () => {
    const { client, jobId } = await aClientWithJob(t);
    const freelancer = await aFreelancer(t);
    const { body: proposal } = await freelancer.http.post(`/api/jobs/${jobId}/proposals`, proposalBody());
    const edited = await freelancer.http.patch(`/api/proposals/${proposal.id}`, {
      bid: {
        type: 'fixed',
        amountCents: 200_000,
        milestones: [
          { title: 'Map', amountCents: 120_000, dueDate: '2030-01-31' },
          { title: 'Table', amountCents: 80_000 },
        ],
      },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.bid.milestones).toHaveLength(2);
    expect(edited.body.youReceiveCents).toBe(175_000);

    const withdrawn = await freelancer.http.post(`/api/proposals/${proposal.id}/withdraw`);
    expect(withdrawn.body.state).toBe('withdrawn');
    expect(await connectsOf(t, freelancer.id)).toBe(4);
    expect(await counters(client, jobId)).toMatchObject({ proposals: 0 });
    const late = await freelancer.http.patch(`/api/proposals/${proposal.id}`, { coverLetter: 'x'.repeat(60) });
    expect(late.status).toBe(409);
  });

  test('sorting by bid and best match, and filtering by state', async () => {
    const { client, jobId } = await aClientWithJob(t);
    const bids = [230_000, 90_000, 180_000];
    const ids: string[] = [];
    for (const amountCents of bids) {
      const freelancer = await aFreelancer(t);
      const sent = await freelancer.http.post(
        `/api/jobs/${jobId}/proposals`,
        proposalBody({ bid: { type: 'fixed', amountCents } }),
      );
      ids.push(sent.body.id);
    }
    const low = await client.http.get(`/api/jobs/${jobId}/proposals?sort=bid_low`);
    expect(low.body.items.map((p: { bid: { amountCents: number } }) => p.bid.amountCents)).toEqual([
      90_000, 180_000, 230_000,
    ]);
    const high = await client.http.get(`/api/jobs/${jobId}/proposals?sort=bid_high&limit=2`);
    expect(high.body.items.map((p: { bid: { amountCents: number } }) => p.bid.amountCents)).toEqual([230_000, 180_000]);
    const rest = await client.http.get(
      `/api/jobs/${jobId}/proposals?sort=bid_high&limit=2&cursor=${high.body.nextCursor}`,
    );
    expect(rest.body.items.map((p: { bid: { amountCents: number } }) => p.bid.amountCents)).toEqual([90_000]);
    const best = await client.http.get(`/api/jobs/${jobId}/proposals?sort=best_match`);
    expect(best.body.items).toHaveLength(3);

    await client.http.post(`/api/proposals/${ids[1]}/shortlist`);
    await client.http.post(`/api/proposals/${ids[2]}/archive`);
    const shortlisted = await client.http.get(`/api/jobs/${jobId}/proposals?state=shortlisted`);
    expect(shortlisted.body.items.map((p: { id: string }) => p.id)).toEqual([ids[1]]);
  });

  test('closing the job without a hire returns the Connects (not to who withdrew)', async () => {
    const { client, jobId } = await aClientWithJob(t);
    const stays = await aFreelancer(t);
    const leaves = await aFreelancer(t);
    await stays.http.post(`/api/jobs/${jobId}/proposals`, proposalBody());
    const { body: left } = await leaves.http.post(`/api/jobs/${jobId}/proposals`, proposalBody());
    await leaves.http.post(`/api/proposals/${left.id}/withdraw`);
    const closed = await client.http.post(`/api/jobs/${jobId}/close`, { reason: 'cancelled', note: 'Budget was cut.' });
    expect(closed.status).toBe(200);
    expect(await connectsOf(t, stays.id)).toBe(10);
    expect(await connectsOf(t, leaves.id)).toBe(4);
    const history = await stays.http.get('/api/connects');
    expect(history.body.history[0]).toMatchObject({ kind: 'refund', amount: 6, balanceAfter: 10 });
    expect(history.body.history[1]).toMatchObject({ kind: 'spend', refunded: true });
  });
});
