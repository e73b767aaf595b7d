import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DAY } from '../../platform/clock.ts';
import { aFixedPriceContract } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
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

describe('a fixed-price contract from funding to payment', () => {
  test('fund, submit, request changes, resubmit, approve in full, fund the next, approve less', async () => {
    const contract = await aFixedPriceContract(t, { amounts: [30_000, 20_000] });
    const [first, second] = contract.milestoneIds as [string, string];
    const base = `/api/contracts/${contract.id}`;

    const submitted = await contract.freelancer.http.post(`${base}/milestones/${first}/submit`, submission());
    expect(submitted.status).toBe(200);
    const m1 = submitted.body.milestones[0];
    expect(m1.state).toBe('submitted');
    expect(m1.criteria).toEqual(['Designs for every step', 'Reviewed in a call']);
    expect(m1.submissions[0].deliverables[0]).toEqual({
      criterion: 'Designs for every step',
      met: true,
      note: 'Figma link in the file',
    });
    expect(new Date(m1.autoApprovesAt).getTime() - t.clock.now().getTime()).toBeGreaterThan(13.9 * DAY);
    expect(submitted.body.nextActions[0].action).toBe('wait_for_client');

    const clientView = await contract.client.http.get(`${base}/overview`);
    expect(clientView.body.nextActions.map((action: { action: string }) => action.action)).toEqual([
      'review_submission',
    ]);
    expect(clientView.body.viewer).toBe('client');

    const changes = await contract.client.http.post(`${base}/milestones/${first}/request-changes`, {
      message: 'The mobile layout of step 2 is missing.',
    });
    expect(changes.status).toBe(200);
    expect(changes.body.milestones[0].state).toBe('changes_requested');
    expect(changes.body.milestones[0].submissions[0]).toMatchObject({
      outcome: 'changes_requested',
      responseNote: 'The mobile layout of step 2 is missing.',
    });

    const again = await contract.freelancer.http.post(`${base}/milestones/${first}/submit`, submission());
    expect(again.body.milestones[0].state).toBe('submitted');
    expect(again.body.milestones[0].submissions.map((s: { round: number }) => s.round)).toEqual([1, 2]);

    const approved = await contract.client.http.post(`${base}/milestones/${first}/approve`, {}, key());
    expect(approved.status).toBe(200);
    expect(approved.body.milestones[0]).toMatchObject({ state: 'approved', releasedCents: 30_000, inEscrowCents: 0 });
    // 20% of the first $500 billed between the pair: $60 fee on $300.
    expect(approved.body.payments[0]).toMatchObject({ grossCents: 30_000, serviceFeeCents: 6_000, netCents: 24_000 });
    expect(await balancesOf(t, contract)).toMatchObject({ escrow: 0, pending: 24_000, available: 0 });

    const funded = await contract.client.http.post(`${base}/milestones/${second}/fund`, {}, key());
    expect(funded.status).toBe(200);
    expect(funded.body.milestones[1]).toMatchObject({ state: 'funded', fundedCents: 20_000, clientFeeCents: 1_000 });
    expect(funded.body.escrowInHandCents).toBe(20_000);

    await contract.freelancer.http.post(`${base}/milestones/${second}/submit`, submission());
    const partial = await contract.client.http.post(
      `${base}/milestones/${second}/approve`,
      { amountCents: 15_000, note: 'Step 3 was dropped' },
      key(),
    );
    expect(partial.status).toBe(200);
    // $300 already billed: $150 more stays in the 20% tier.
    expect(partial.body.payments[1]).toMatchObject({ grossCents: 15_000, serviceFeeCents: 3_000, netCents: 12_000 });
    expect(partial.body.milestones[1]).toMatchObject({
      state: 'approved',
      releasedCents: 15_000,
      inEscrowCents: 5_000,
    });
    expect(partial.body.leftoverCents).toBe(5_000);
    expect(partial.body.escrowInHandCents).toBe(5_000);
    expect(await balancesOf(t, contract)).toMatchObject({ escrow: 5_000, pending: 36_000 });

    const payments = await contract.freelancer.http.get(`${base}/payments`);
    expect(payments.body.items.map((item: { kind: string }) => item.kind)).toEqual([
      'escrow_funded',
      'payment_released',
      'escrow_funded',
      'payment_released',
    ]);
    expect(await verifyProblems(t)).toEqual([]);
  });

  test('the leftover of a partial approval funds the next milestone first', async () => {
    const contract = await aFixedPriceContract(t, { amounts: [30_000, 20_000, 10_000] });
    const [first, second, third] = contract.milestoneIds as [string, string, string];
    const base = `/api/contracts/${contract.id}`;
    await contract.freelancer.http.post(`${base}/milestones/${first}/submit`, submission());
    await contract.client.http.post(`${base}/milestones/${first}/approve`, { amountCents: 5_000 }, key());
    const before = await balancesOf(t, contract);

    // $250 left over covers milestone 2 ($200) whole: nothing is charged, no fee.
    const funded = await contract.client.http.post(`${base}/milestones/${second}/fund`, {}, key());
    expect(funded.body.milestones[0]).toMatchObject({
      fundedCents: 10_000,
      releasedCents: 5_000,
      inEscrowCents: 5_000,
      carriedOutCents: 20_000,
    });
    expect(funded.body.milestones[1]).toMatchObject({
      state: 'funded',
      fundedCents: 20_000,
      carriedInCents: 20_000,
      clientFeeCents: 0,
    });
    expect(await balancesOf(t, contract)).toEqual(before);

    await contract.freelancer.http.post(`${base}/milestones/${second}/submit`, submission());
    await contract.client.http.post(`${base}/milestones/${second}/approve`, {}, key());
    // $50 left covers half of milestone 3; the client pays $50 + 5%.
    const third3 = await contract.client.http.post(`${base}/milestones/${third}/fund`, {}, key());
    expect(third3.body.milestones[2]).toMatchObject({
      fundedCents: 10_000,
      carriedInCents: 5_000,
      clientFeeCents: 250,
    });
    expect(third3.body.leftoverCents).toBe(0);
    const movements = await contract.client.http.get(`${base}/payments`);
    expect(movements.body.items.at(-1)).toMatchObject({
      kind: 'escrow_funded',
      amountCents: 5_000,
      clientFeeCents: 250,
    });
    expect((await balancesOf(t, contract)).escrow).toBe(10_000);
    expect(await verifyProblems(t)).toEqual([]);
  });

  test('no answer within 14 days approves and pays the milestone automatically', async () => {
    const contract = await aFixedPriceContract(t, { amounts: [40_000] });
    const [first] = contract.milestoneIds as [string];
    const base = `/api/contracts/${contract.id}`;
    await contract.freelancer.http.post(`${base}/milestones/${first}/submit`, submission());

    t.clock.advance(13 * DAY);
    await runLifecycleTasks(t);
    expect((await contract.client.http.get(`${base}/overview`)).body.milestones[0].state).toBe('submitted');

    t.clock.advance(DAY + 60_000);
    await runLifecycleTasks(t);
    const after = await contract.client.http.get(`${base}/overview`);
    expect(after.body.milestones[0]).toMatchObject({ state: 'approved', releasedCents: 40_000 });
    expect(after.body.milestones[0].submissions[0]).toMatchObject({ outcome: 'approved', respondedBy: null });
    expect(after.body.payments[0]).toMatchObject({ paidBy: null, grossCents: 40_000, serviceFeeCents: 8_000 });
    expect((await balancesOf(t, contract)).escrow).toBe(0);

    const record = await contract.client.http.get(`/api/contracts/${contract.id}/record?limit=200`);
    const approval = record.body.items.find((entry: { kind: string }) => entry.kind === 'milestone.approved');
    expect(approval).toMatchObject({ actor: null, data: { automatic: true } });
    expect(await verifyProblems(t)).toEqual([]);
  });

  test('the service fee slides with what this client paid this freelancer, across contracts', async () => {
    const first = await aFixedPriceContract(t, { amounts: [60_000] });
    await first.freelancer.http.post(
      `/api/contracts/${first.id}/milestones/${first.milestoneIds[0]}/submit`,
      submission(),
    );
    const paid = await first.client.http.post(
      `/api/contracts/${first.id}/milestones/${first.milestoneIds[0]}/approve`,
      {},
      key(),
    );
    // 20% of the first $500, 10% of the next $100.
    expect(paid.body.payments[0]).toMatchObject({ grossCents: 60_000, serviceFeeCents: 11_000 });

    const second = await aFixedPriceContract(t, {
      amounts: [10_000],
      client: first.client,
      freelancer: first.freelancer,
    });
    await second.freelancer.http.post(
      `/api/contracts/${second.id}/milestones/${second.milestoneIds[0]}/submit`,
      submission(),
    );
    const next = await second.client.http.post(
      `/api/contracts/${second.id}/milestones/${second.milestoneIds[0]}/approve`,
      {},
      key(),
    );
    expect(next.body.payments[0]).toMatchObject({ grossCents: 10_000, serviceFeeCents: 1_000 });

    // Another client starts again at 20%.
    const other = await aFixedPriceContract(t, { amounts: [10_000], freelancer: first.freelancer });
    await other.freelancer.http.post(
      `/api/contracts/${other.id}/milestones/${other.milestoneIds[0]}/submit`,
      submission(),
    );
    const fresh = await other.client.http.post(
      `/api/contracts/${other.id}/milestones/${other.milestoneIds[0]}/approve`,
      {},
      key(),
    );
    expect(fresh.body.payments[0]).toMatchObject({ serviceFeeCents: 2_000 });

    // A refund lowers the lifetime billings again: $700 - $300 = $400 billed, so $100 more is all at 20%.
    t.clock.advance(6 * DAY);
    await runDueTasks(t.services, payoutsModule.tasks ?? []);
    const refund = await first.freelancer.http.post(
      `/api/contracts/${first.id}/refunds`,
      { amountCents: 30_000, reason: 'Scope cut' },
      key(),
    );
    expect(refund.status).toBe(201);
    const bonus = await first.client.http.post(
      `/api/contracts/${first.id}/bonus`,
      { amountCents: 10_000, note: 'Thanks' },
      key(),
    );
    expect(bonus.body).toMatchObject({ grossCents: 10_000, serviceFeeCents: 2_000 });
  });

  test('a bonus is charged with the marketplace fee and lands in pending earnings', async () => {
    const contract = await aFixedPriceContract(t);
    const before = await balancesOf(t, contract);
    const bonus = await contract.client.http.post(
      `/api/contracts/${contract.id}/bonus`,
      { amountCents: 10_000, note: 'Great work on the checkout' },
      key(),
    );
    expect(bonus.status).toBe(201);
    expect(bonus.body).toMatchObject({
      kind: 'bonus',
      grossCents: 10_000,
      serviceFeeCents: 2_000,
      netCents: 8_000,
      clientFeeCents: 500,
    });
    const after = await balancesOf(t, contract);
    expect(after.pending - before.pending).toBe(8_000);
    expect(after.escrow).toBe(before.escrow);
    expect(await verifyProblems(t)).toEqual([]);
  });

  test('the freelancer refunds part of a payment from the available balance, the fee share comes back', async () => {
    const contract = await aFixedPriceContract(t, { amounts: [50_000] });
    const [first] = contract.milestoneIds as [string];
    const base = `/api/contracts/${contract.id}`;
    await contract.freelancer.http.post(`${base}/milestones/${first}/submit`, submission());
    const approved = await contract.client.http.post(`${base}/milestones/${first}/approve`, {}, key());
    const payment = approved.body.payments[0];
    expect(payment).toMatchObject({ grossCents: 50_000, serviceFeeCents: 10_000, netCents: 40_000 });

    const early = await contract.freelancer.http.post(
      `${base}/refunds`,
      { amountCents: 10_000, reason: 'Late delivery' },
      key(),
    );
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/available balance/);

    t.clock.advance(6 * DAY);
    await runDueTasks(t.services, payoutsModule.tasks ?? []);
    const before = await balancesOf(t, contract);
    expect(before.available).toBe(40_000);
    const refund = await contract.freelancer.http.post(
      `${base}/refunds`,
      { amountCents: 10_000, reason: 'Late delivery', transferId: payment.transferId },
      key(),
    );
    expect(refund.status).toBe(201);
    expect(refund.body).toMatchObject({ amountCents: 10_000, feeShareCents: 2_000, netShareCents: 8_000 });
    expect(refund.body.payment).toMatchObject({ refundedCents: 10_000, refundableCents: 40_000 });
    const after = await balancesOf(t, contract);
    expect(after.clientFunds - before.clientFunds).toBe(10_000);
    expect(before.available - after.available).toBe(8_000);

    const tooMuch = await contract.freelancer.http.post(
      `${base}/refunds`,
      { amountCents: 40_001, reason: 'All of it' },
      key(),
    );
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.errors[0].field).toBe('amountCents');
    expect(await verifyProblems(t)).toEqual([]);
  });
});
