import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inTransaction } from '../../db/transaction.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { connectsChecks } from '../connects/checks.ts';
import { PNG, uploadForm } from '../files/test-support.ts';
import { aClientWithJob, aFreelancer, aPerson, connectsOf, postJob, proposalBody } from './test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

async function aProposal() {
  const { client, jobId } = await aClientWithJob(t);
  const freelancer = await aFreelancer(t);
  const { body } = await freelancer.http.post(`/api/jobs/${jobId}/proposals`, proposalBody());
  return { client, freelancer, jobId, proposalId: body.id as string };
}

describe('nobody acts on a proposal that is not theirs', () => {
  test('another freelancer and another client get 404 for reading or acting on it', async () => {
    const { jobId, proposalId } = await aProposal();
    const otherFreelancer = await aFreelancer(t);
    const otherClient = await aPerson(t, 'client');
    expect((await otherFreelancer.http.get(`/api/proposals/${proposalId}`)).status).toBe(404);
    expect(
      (await otherFreelancer.http.patch(`/api/proposals/${proposalId}`, { coverLetter: 'x'.repeat(60) })).status,
    ).toBe(404);
    expect((await otherFreelancer.http.post(`/api/proposals/${proposalId}/withdraw`)).status).toBe(404);
    expect((await otherClient.http.get(`/api/proposals/${proposalId}`)).status).toBe(404);
    expect((await otherClient.http.get(`/api/jobs/${jobId}/proposals`)).status).toBe(404);
    for (const action of ['shortlist', 'archive']) {
      expect((await otherClient.http.post(`/api/proposals/${proposalId}/${action}`)).status).toBe(404);
    }
    expect((await otherClient.http.post(`/api/proposals/${proposalId}/decline`, { reason: 'No.' })).status).toBe(404);
    expect((await otherClient.http.post(`/api/proposals/${proposalId}/interview`, { message: 'Hi' })).status).toBe(404);
    expect((await otherClient.http.post(`/api/proposals/${proposalId}/message`, { text: 'Hi' })).status).toBe(404);
  });

  test('the freelancer cannot act as the client, nor open a conversation; the client cannot propose', async () => {
    const { client, freelancer, jobId, proposalId } = await aProposal();
    expect((await freelancer.http.post(`/api/proposals/${proposalId}/shortlist`)).status).toBe(403);
    expect((await freelancer.http.post(`/api/proposals/${proposalId}/message`, { text: 'Hello?' })).status).toBe(403);
    expect((await freelancer.http.get(`/api/jobs/${jobId}/proposals`)).status).toBe(403);
    expect((await client.http.post(`/api/jobs/${jobId}/proposals`, proposalBody())).status).toBe(403);
    expect((await client.http.get(`/api/proposals/${proposalId}`)).body.freelancer.userId).toBe(freelancer.id);
  });

  test('attachments are for the freelancer and the job’s client only', async () => {
    const { client, jobId } = await aClientWithJob(t);
    const freelancer = await aFreelancer(t);
    const upload = await freelancer.http.post('/api/files', uploadForm(PNG, 'mockup.png', 'image/png', 'proposal'));
    expect(upload.status).toBe(201);
    const sent = await freelancer.http.post(
      `/api/jobs/${jobId}/proposals`,
      proposalBody({ attachmentIds: [upload.body.id] }),
    );
    expect(sent.status).toBe(201);
    expect(sent.body.attachments.map((file: { name: string }) => file.name)).toEqual(['mockup.png']);
    expect((await client.http.get(upload.body.url)).status).toBe(200);
    expect((await (await aPerson(t, 'client')).http.get(upload.body.url)).status).toBe(404);

    const someoneElses = await aFreelancer(t);
    const stolen = await someoneElses.http.post(
      `/api/jobs/${(await aClientWithJob(t)).jobId}/proposals`,
      proposalBody({ attachmentIds: [upload.body.id] }),
    );
    expect(stolen.status).toBe(400);
    expect(stolen.body.errors[0].field).toBe('attachmentIds.0');
    // Refused as a whole: no Connects were spent for it.
    expect(await connectsOf(t, someoneElses.id)).toBe(10);
  });
});

describe('every limit is a 400 naming the field', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['a short cover letter', { coverLetter: 'Hire me.' }, 'coverLetter'],
    ['a long cover letter', { coverLetter: 'x'.repeat(5001) }, 'coverLetter'],
    ['a missing bid', { bid: undefined }, 'bid'],
    ['a fixed bid under $5', { bid: { type: 'fixed', amountCents: 499 } }, 'bid.amountCents'],
    [
      'milestones that do not add up',
      { bid: { type: 'fixed', amountCents: 10_000, milestones: [{ title: 'Half', amountCents: 5_000 }] } },
      'bid.milestones',
    ],
    [
      'a milestone under $5',
      {
        bid: {
          type: 'fixed',
          amountCents: 1_000,
          milestones: [
            { title: 'Most', amountCents: 601 },
            { title: 'Rest', amountCents: 399 },
          ],
        },
      },
      'bid.milestones.1.amountCents',
    ],
    [
      'a bad due date',
      {
        bid: { type: 'fixed', amountCents: 1_000, milestones: [{ title: 'All', amountCents: 1_000, dueDate: 'soon' }] },
      },
      'bid.milestones.0.dueDate',
    ],
    ['an hourly rate under $3', { bid: { type: 'hourly', hourlyRateCents: 299 } }, 'bid.hourlyRateCents'],
    ['an unknown duration', { estimatedDuration: 'forever' }, 'estimatedDuration'],
    ['an empty answer', { answers: ['  '] }, 'answers.0'],
    ['a missing answer', { answers: [] }, 'answers'],
    ['too many attachments', { attachmentIds: Array.from({ length: 11 }, () => crypto.randomUUID()) }, 'attachmentIds'],
  ];
  test.each(cases)('%s', async (_name, overrides, field) => {
    const { jobId } = await aClientWithJob(t);
    const freelancer = await aFreelancer(t);
    const refused = await freelancer.http.post(`/api/jobs/${jobId}/proposals`, proposalBody(overrides));
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    expect(await connectsOf(t, freelancer.id)).toBe(10);
  });

  test('a decline without a reason, an interview without a message', async () => {
    const { client, proposalId } = await aProposal();
    const decline = await client.http.post(`/api/proposals/${proposalId}/decline`, { reason: '' });
    expect(decline.body.errors[0].field).toBe('reason');
    const interview = await client.http.post(`/api/proposals/${proposalId}/interview`, { message: 'x'.repeat(5001) });
    expect(interview.body.errors[0].field).toBe('message');
  });
});

test('parallel proposals from one freelancer spend exactly what the balance allows, never more', async () => {
  const freelancer = await aFreelancer(t);
  const client = await aPerson(t, 'client');
  // Budgets under $500 cost 2 Connects: 10 Connects pay for exactly 5 of these 8.
  const jobIds: string[] = [];
  for (let index = 0; index < 8; index++) jobIds.push(await postJob(client, { budgetCents: 40_000 }));
  const answers = await Promise.all(
    jobIds.map((jobId) =>
      freelancer.http.post(
        `/api/jobs/${jobId}/proposals`,
        proposalBody({ bid: { type: 'fixed', amountCents: 40_000 } }),
      ),
    ),
  );
  const statuses = answers.map((answer) => answer.status).sort();
  expect(statuses).toEqual([201, 201, 201, 201, 201, 402, 402, 402]);
  expect(await connectsOf(t, freelancer.id)).toBe(0);
  expect((await freelancer.http.get('/api/proposals/mine')).body.items).toHaveLength(5);
  const violations = await inTransaction(t.services.db, async (tx) =>
    (await Promise.all(connectsChecks.map((check) => check.run(tx, t.services)))).flat(),
  );
  expect(violations).toEqual([]);
});
