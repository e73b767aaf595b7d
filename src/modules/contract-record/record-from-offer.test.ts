import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runVerify } from '../../cli/run-verify.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { getThreadForContext } from '../messages/index.ts';
import { aCard, aClientWithJob, aFreelancer, fixedOfferBody, key, proposalBody } from '../proposals/test-support.ts';
import { verifyRecordExport } from './verify-export.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('a contract made from an accepted offer', () => {
  test('starts its record with the contract, terms version 1 and the funded milestone', async () => {
    const { client, jobId } = await aClientWithJob(t);
    await aCard(t, client, 'client');
    const freelancer = await aFreelancer(t);
    const { body: proposal } = await freelancer.http.post(`/api/jobs/${jobId}/proposals`, proposalBody());
    const { body: offer } = await client.http.post(
      '/api/offers',
      fixedOfferBody(t, { proposalId: proposal.id }),
      key(),
    );
    const { body: contract } = await freelancer.http.post(`/api/offers/${offer.id}/accept`, undefined, key());

    const thread = await getThreadForContext(t.services.db, 'contract', contract.id);
    if (!thread) throw new Error('the contract has no thread');
    expect((await client.http.post(`/api/threads/${thread.id}/messages`, { text: 'Welcome aboard!' })).status).toBe(
      201,
    );

    const record = await client.http.get(`/api/contracts/${contract.id}/record`);
    expect(
      record.body.items.map((entry: { kind: string; actor: { userId: string } | null }) => [
        entry.kind,
        entry.actor?.userId,
      ]),
    ).toEqual([
      ['contract.created', freelancer.id],
      ['terms.version', freelancer.id],
      ['milestone.funded', client.id],
      ['message.posted', client.id],
    ]);
    expect(record.body.items[1].data).toMatchObject({ version: 1, terms: { fixed: { totalCents: 50_000 } } });
    expect(record.body.items[2].data).toEqual({
      milestoneId: contract.milestones[0].id,
      amountCents: 30_000,
      currency: 'USD',
    });

    const exported = await freelancer.http.get(`/api/contracts/${contract.id}/record/export.json`);
    expect(verifyRecordExport(exported.text)).toMatchObject({ ok: true, entries: 4 });
    const results = await runVerify(t.services);
    expect(results.filter((result) => result.module === 'contract-record' && result.violations.length > 0)).toEqual([]);
  });
});
