import { afterAll, beforeAll, expect, test } from 'vitest';
import { DAY } from '../../platform/clock.ts';
import { aFixedPriceContract } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { aPerson, postJob } from '../jobs/test-factories.ts';
import { payoutsModule } from '../payouts/index.ts';
import { runDueTasks } from '../scheduler/index.ts';
import { key, submission } from './test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

test("the client card's total spent counts payments and bonuses, less refunds, not escrow", async () => {
  const contract = await aFixedPriceContract(t, { amounts: [50_000, 20_000], fund: 'all' });
  const jobId = await postJob(contract.client);
  const reader = await aPerson(t, 'freelancer');
  const spent = async () => (await reader.http.get(`/api/jobs/${jobId}`)).body.client.totalSpentCents as number;

  // $700 sits in escrow: nothing is spent until a freelancer is paid.
  expect(await spent()).toBe(0);

  const base = `/api/contracts/${contract.id}`;
  const [first] = contract.milestoneIds as [string];
  await contract.freelancer.http.post(`${base}/milestones/${first}/submit`, submission());
  const approved = await contract.client.http.post(`${base}/milestones/${first}/approve`, {}, key());
  expect(approved.status).toBe(200);
  const bonus = await contract.client.http.post(`${base}/bonus`, { amountCents: 5_000, note: 'Thanks' }, key());
  expect(bonus.status).toBe(201);
  // The gross paid, service fees included; the client's marketplace fee is not paid to anyone hired.
  expect(await spent()).toBe(55_000);

  t.clock.advance(6 * DAY);
  await runDueTasks(t.services, payoutsModule.tasks ?? []);
  const refund = await contract.freelancer.http.post(
    `${base}/refunds`,
    { amountCents: 10_000, reason: 'Late delivery', transferId: approved.body.payments[0].transferId },
    key(),
  );
  expect(refund.status).toBe(201);
  expect(await spent()).toBe(45_000);
  // The client's own page shows the same record.
  const page = await reader.http.get(`/api/clients/${contract.client.id}`);
  expect(page.body).toMatchObject({ paymentVerified: true, jobsPosted: 1, openJobs: 1, totalSpentCents: 45_000 });

  // Another client's card is untouched.
  const other = await aPerson(t, 'client');
  const otherJob = await postJob(other);
  expect((await reader.http.get(`/api/jobs/${otherJob}`)).body.client.totalSpentCents).toBe(0);
});
