import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DAY } from '../../platform/clock.ts';
import { aFixedPriceContract, type FixedPriceContract } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { getThreadForContext } from '../messages/index.ts';
import { payoutsModule } from '../payouts/index.ts';
import { runDueTasks } from '../scheduler/index.ts';
import { balancesOf, key, runLifecycleTasks, submission, verifyProblems } from './test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function threadOf(contract: FixedPriceContract): Promise<string> {
  const thread = await getThreadForContext(t.services.db, 'contract', contract.id);
  if (!thread) throw new Error('contract has no thread');
  return thread.id;
}

describe('ending a contract', () => {
  test('with money in escrow, the freelancer agrees: the client gets it back and the Workroom turns read-only', async () => {
    const contract = await aFixedPriceContract(t, { amounts: [30_000, 20_000] });
    const base = `/api/contracts/${contract.id}`;
    const before = await balancesOf(t, contract);
    expect(before.escrow).toBe(30_000);

    const ended = await contract.client.http.post(`${base}/end`, { reason: 'The project was cancelled.' }, key());
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({
      state: 'ending',
      ending: { state: 'awaiting_freelancer', escrowCents: 30_000, requestedByRole: 'client' },
    });
    expect(ended.body.nextActions[0].action).toBe('wait_for_freelancer');
    const freelancerView = await contract.freelancer.http.get(`${base}/overview`);
    expect(freelancerView.body.nextActions[0].action).toBe('respond_to_end');

    // Milestones are frozen while the end is settled.
    const submit = await contract.freelancer.http.post(
      `${base}/milestones/${contract.milestoneIds[0]}/submit`,
      submission(),
    );
    expect(submit.status).toBe(409);
    expect(submit.body.detail).toContain('This contract is ending');

    const byClient = await contract.client.http.post(`${base}/end/respond`, { agreeToRefund: true }, key());
    expect(byClient.status).toBe(403);

    const agreed = await contract.freelancer.http.post(`${base}/end/respond`, { agreeToRefund: true }, key());
    expect(agreed.status).toBe(200);
    expect(agreed.body).toMatchObject({
      state: 'ended',
      ending: { state: 'refunded', refundedCents: 30_000, agreedToRefund: true },
    });
    expect(agreed.body.milestones.map((m: { state: string }) => m.state)).toEqual(['refunded', 'not_funded']);
    const after = await balancesOf(t, contract);
    expect(after.escrow).toBe(0);
    expect(after.clientFunds - before.clientFunds).toBe(30_000);

    // Both keep reading; nobody writes or submits any more.
    const threadId = await threadOf(contract);
    expect((await contract.client.http.get(`/api/threads/${threadId}/messages`)).status).toBe(200);
    const message = await contract.freelancer.http.post(`/api/threads/${threadId}/messages`, { text: 'Thanks anyway' });
    expect(message.status).toBe(409);
    expect((await contract.client.http.get(`${base}/record`)).status).toBe(200);
    const fund = await contract.client.http.post(`${base}/milestones/${contract.milestoneIds[1]}/fund`, {}, key());
    expect(fund.status).toBe(409);
    expect(fund.body.detail).toContain('ended');
    const again = await contract.client.http.post(`${base}/end`, { reason: 'Again' }, key());
    expect(again.status).toBe(409);
    expect(again.body.errors[0]).toEqual({ field: 'state', message: 'The contract is ended.' });
    expect(await verifyProblems(t)).toEqual([]);
  });

  test('the freelancer refuses: the escrow stays held for a dispute', async () => {
    const contract = await aFixedPriceContract(t, { amounts: [30_000] });
    const base = `/api/contracts/${contract.id}`;
    await contract.freelancer.http.post(`${base}/milestones/${contract.milestoneIds[0]}/submit`, submission());
    await contract.client.http.post(`${base}/end`, { reason: 'Not what I wanted.' }, key());
    const refused = await contract.freelancer.http.post(
      `${base}/end/respond`,
      { agreeToRefund: false, note: 'The work was delivered.' },
      key(),
    );
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({
      state: 'ending_disputed',
      ending: { state: 'disputed', agreedToRefund: false },
    });
    expect((await balancesOf(t, contract)).escrow).toBe(30_000);

    // Neither the review window nor the answer window moves the disputed money.
    t.clock.advance(15 * DAY);
    await runLifecycleTasks(t);
    const later = await contract.client.http.get(`${base}/overview`);
    expect(later.body.state).toBe('ending_disputed');
    expect(later.body.milestones[0].state).toBe('submitted');
    expect((await balancesOf(t, contract)).escrow).toBe(30_000);
    expect(await verifyProblems(t)).toEqual([]);
  });

  test('no answer within 7 days refunds the client and ends the contract', async () => {
    const contract = await aFixedPriceContract(t, { amounts: [25_000] });
    const base = `/api/contracts/${contract.id}`;
    const ended = await contract.freelancer.http.post(`${base}/end`, { reason: 'I cannot continue.' }, key());
    expect(ended.body.ending).toMatchObject({ requestedByRole: 'freelancer', escrowCents: 25_000 });

    t.clock.advance(6 * DAY);
    await runLifecycleTasks(t);
    expect((await contract.client.http.get(`${base}/overview`)).body.state).toBe('ending');

    t.clock.advance(DAY + 60_000);
    await runLifecycleTasks(t);
    const after = await contract.client.http.get(`${base}/overview`);
    expect(after.body).toMatchObject({
      state: 'ended',
      escrowInHandCents: 0,
      ending: { state: 'refunded', agreedToRefund: null },
    });
    const record = await contract.client.http.get(`${base}/record?limit=200`);
    const kinds = record.body.items.map((entry: { kind: string }) => entry.kind);
    expect(kinds.slice(-3)).toEqual(['contract.end_requested', 'refund.issued', 'contract.ended']);
    expect(await verifyProblems(t)).toEqual([]);
  });

  test('with nothing in escrow the contract ends at once; a bonus and a refund still work afterwards', async () => {
    const contract = await aFixedPriceContract(t, { amounts: [20_000] });
    const base = `/api/contracts/${contract.id}`;
    await contract.freelancer.http.post(`${base}/milestones/${contract.milestoneIds[0]}/submit`, submission());
    await contract.client.http.post(`${base}/milestones/${contract.milestoneIds[0]}/approve`, {}, key());
    const ended = await contract.freelancer.http.post(`${base}/end`, { reason: 'All done, thank you!' }, key());
    expect(ended.body).toMatchObject({ state: 'ended', ending: { state: 'closed', escrowCents: 0 } });
    expect(ended.body.endedAt).not.toBeNull();

    const bonus = await contract.client.http.post(`${base}/bonus`, { amountCents: 5_000, note: 'Thanks' }, key());
    expect(bonus.status).toBe(201);
    t.clock.advance(6 * DAY);
    await runDueTasks(t.services, payoutsModule.tasks ?? []);
    const refund = await contract.freelancer.http.post(
      `${base}/refunds`,
      { amountCents: 1_000, reason: 'Overpaid' },
      key(),
    );
    expect(refund.status).toBe(201);
    expect(refund.body.payment.kind).toBe('bonus');
    expect(await verifyProblems(t)).toEqual([]);
  });
});
