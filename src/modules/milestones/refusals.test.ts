import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { aFixedPriceContract, type FixedPriceContract } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { aSignedInUser } from '../accounts/test-factories.ts';
import { uploadForm } from '../files/test-support.ts';
import { balancesOf, key, submission } from './test-support.ts';

let t: TestApp;
let contract: FixedPriceContract;
let base: string;
let first: string;
let second: string;

beforeAll(async () => {
  t = await startTestApp();
  contract = await aFixedPriceContract(t, { amounts: [30_000, 20_000] });
  base = `/api/contracts/${contract.id}`;
  [first, second] = contract.milestoneIds as [string, string];
});
afterAll(async () => {
  await t?.close();
});

describe('who may do what', () => {
  test('a stranger gets the 404 of a contract that does not exist, and nothing moves', async () => {
    const stranger = await aSignedInUser(t, { role: 'client' });
    const before = await balancesOf(t, contract);
    for (const res of [
      await stranger.client.get(`${base}/overview`),
      await stranger.client.get(`${base}/payments`),
      await stranger.client.post(`${base}/milestones/${second}/fund`, {}, key()),
      await stranger.client.post(`${base}/milestones/${first}/approve`, {}, key()),
      await stranger.client.post(`${base}/bonus`, { amountCents: 1_000, note: 'Hi' }, key()),
      await stranger.client.post(`${base}/end`, { reason: 'Mine now' }, key()),
    ]) {
      expect(res.status).toBe(404);
    }
    expect(await balancesOf(t, contract)).toEqual(before);
  });

  test('each side is refused the other side’s actions with a 403', async () => {
    const asFreelancer = [
      await contract.freelancer.http.post(`${base}/milestones/${second}/fund`, {}, key()),
      await contract.freelancer.http.post(`${base}/milestones/${first}/approve`, {}, key()),
      await contract.freelancer.http.post(`${base}/milestones/${first}/request-changes`, { message: 'Redo' }),
      await contract.freelancer.http.post(`${base}/bonus`, { amountCents: 1_000, note: 'Me' }, key()),
    ];
    const asClient = [
      await contract.client.http.post(`${base}/milestones/${first}/submit`, submission()),
      await contract.client.http.post(`${base}/refunds`, { amountCents: 100, reason: 'Give it back' }, key()),
    ];
    for (const res of [...asFreelancer, ...asClient]) expect(res.status).toBe(403);
    expect(asFreelancer[1]?.body.detail).toContain('Only the client');
  });

  test('an operator reads the Workroom but cannot act for a party', async () => {
    const operator = await aSignedInUser(t, { role: 'operator' });
    const view = await operator.client.get(`${base}/overview`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ viewer: 'operator', nextActions: [] });
    const act = await operator.client.post(`${base}/milestones/${second}/fund`, {}, key());
    expect(act.status).toBe(403);
  });

  test('an action the state does not allow is a 409 naming the state', async () => {
    const early = await contract.freelancer.http.post(`${base}/milestones/${second}/submit`, submission());
    expect(early.status).toBe(409);
    expect(early.body.detail).toBe('This milestone is not funded; it cannot be submitted now.');
    expect(early.body.errors).toEqual([{ field: 'state', message: 'The milestone is not funded.' }]);

    const approve = await contract.client.http.post(`${base}/milestones/${first}/approve`, {}, key());
    expect(approve.status).toBe(409);
    expect(approve.body.detail).toContain('is funded');

    const fundAgain = await contract.client.http.post(`${base}/milestones/${first}/fund`, {}, key());
    expect(fundAgain.status).toBe(409);
    expect(fundAgain.body.errors[0].message).toBe('The milestone is funded.');

    const respond = await contract.freelancer.http.post(`${base}/end/respond`, { agreeToRefund: true }, key());
    expect(respond.status).toBe(409);
    expect(respond.body.detail).toContain('This contract is active');
  });
});

describe('bad input names the field', () => {
  test('submissions answer every acceptance criterion', async () => {
    const missing = await contract.freelancer.http.post(`${base}/milestones/${first}/submit`, { message: 'Done' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe('deliverables');

    const unknown = await contract.freelancer.http.post(
      `${base}/milestones/${first}/submit`,
      submission({ deliverables: [{ criterion: 'Something else', met: true }] }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('deliverables.0.criterion');

    const partial = await contract.freelancer.http.post(
      `${base}/milestones/${first}/submit`,
      submission({ deliverables: [{ criterion: 'Reviewed in a call', met: false, note: 'Next week' }] }),
    );
    expect(partial.status).toBe(400);
    expect(partial.body.errors[0]).toMatchObject({ field: 'deliverables' });
    expect(partial.body.detail).toContain('Designs for every step');

    const empty = await contract.freelancer.http.post(
      `${base}/milestones/${first}/submit`,
      submission({ message: '  ' }),
    );
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].field).toBe('message');

    const notMine = await contract.freelancer.http.post(
      `${base}/milestones/${first}/submit`,
      submission({ fileIds: ['00000000-0000-4000-8000-000000000000'] }),
    );
    expect(notMine.status).toBe(400);
    expect(notMine.body.errors[0].field).toBe('fileIds.0');
  });

  test('amounts, notes and reasons', async () => {
    const submitted = await contract.freelancer.http.post(`${base}/milestones/${first}/submit`, submission());
    expect(submitted.status).toBe(200);
    const tooMuch = await contract.client.http.post(
      `${base}/milestones/${first}/approve`,
      { amountCents: 30_001 },
      key(),
    );
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.errors[0].field).toBe('amountCents');
    const zero = await contract.client.http.post(`${base}/milestones/${first}/approve`, { amountCents: 0 }, key());
    expect(zero.status).toBe(400);
    expect(zero.body.errors[0].field).toBe('amountCents');
    const tiny = await contract.client.http.post(`${base}/bonus`, { amountCents: 50, note: 'Coffee' }, key());
    expect(tiny.status).toBe(400);
    expect(tiny.body.errors[0].field).toBe('amountCents');
    const noReason = await contract.client.http.post(`${base}/end`, { reason: '' }, key());
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    const noChange = await contract.client.http.post(`${base}/milestones/${first}/request-changes`, { message: '' });
    expect(noChange.body.errors[0].field).toBe('message');
    const otherMilestone = await contract.client.http.post(
      `${base}/milestones/00000000-0000-4000-8000-000000000000/approve`,
      {},
      key(),
    );
    expect(otherMilestone.status).toBe(404);
  });

  test('money-moving requests need an Idempotency-Key, and a repeat pays once', async () => {
    const noKey = await contract.client.http.post(`${base}/milestones/${first}/approve`, {});
    expect(noKey.status).toBe(400);
    const headers = key();
    const once = await contract.client.http.post(`${base}/milestones/${first}/approve`, {}, headers);
    expect(once.status).toBe(200);
    const twice = await contract.client.http.post(`${base}/milestones/${first}/approve`, {}, headers);
    expect(twice.status).toBe(200);
    expect(twice.body.payments).toHaveLength(1);
    expect((await balancesOf(t, contract)).pending).toBe(24_000);
  });
});

describe('submitted files', () => {
  test('the client downloads what the freelancer submitted; a stranger cannot', async () => {
    const other = await aFixedPriceContract(t, { amounts: [10_000] });
    const upload = await other.freelancer.http.post(
      '/api/files',
      uploadForm('The final designs, as agreed.', 'designs.txt', 'text/plain', 'submission'),
    );
    expect(upload.status).toBe(201);
    const submitted = await other.freelancer.http.post(
      `/api/contracts/${other.id}/milestones/${other.milestoneIds[0]}/submit`,
      submission({ fileIds: [upload.body.id] }),
    );
    expect(submitted.status).toBe(200);
    const file = submitted.body.milestones[0].submissions[0].files[0];
    expect(file).toMatchObject({ name: 'designs.txt', sizeBytes: 29 });
    expect((await other.client.http.get(file.url)).status).toBe(200);
    const stranger = await aSignedInUser(t, { role: 'client' });
    expect((await stranger.client.get(file.url)).status).toBe(404);
  });
});
