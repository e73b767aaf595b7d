import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { aContract, type TestContract } from '../contract-record/test-support.ts';
import { aPerson } from '../messages/test-support.ts';
import { aFundedContract, escrowOf, milestonesSeenBy } from './test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const changes = (contract: TestContract) => `/api/contracts/${contract.id}/terms-changes`;
const inAMonth = () => new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
const newMilestone = () => ({
  title: 'Checkout analytics',
  amountCents: 30_000,
  dueDate: inAMonth(),
  acceptanceCriteria: 'Funnel events fire on each of the three steps',
});

async function recordKinds(contract: TestContract): Promise<string[]> {
  const res = await contract.client.http.get(`/api/contracts/${contract.id}/record?limit=200`);
  return res.body.items.map((entry: { kind: string }) => entry.kind);
}

describe('proposing and accepting a change of terms', () => {
  test('the client adds a milestone and changes another; the freelancer accepts: version 2, with its diff', async () => {
    const contract = await aContract(t);
    const [first] = contract.milestoneIds as [string, string];
    const proposed = await contract.client.http.post(changes(contract), {
      note: 'Analytics became part of the scope.',
      description: 'Redesign the three checkout steps and instrument them; out of scope: the payment provider.',
      milestones: {
        add: [newMilestone()],
        change: [{ milestoneId: first, title: 'Step 1 designs', amountCents: 40_000 }],
      },
    });
    expect(proposed.status, proposed.text).toBe(201);
    expect(proposed.body).toMatchObject({ state: 'pending', baseVersion: 1, actions: ['withdraw'], refunds: [] });
    expect(proposed.body.diff.milestones.added).toEqual([
      expect.objectContaining({ title: 'Checkout analytics', amountCents: 30_000 }),
    ]);

    // Nothing changes until the other party accepts.
    expect((await contract.client.http.get(`/api/contracts/${contract.id}`)).body.terms.version).toBe(1);
    const waiting = await contract.freelancer.http.get(changes(contract));
    expect(waiting.body.items[0]).toMatchObject({ id: proposed.body.id, actions: ['accept', 'decline'] });
    // One pending change at a time.
    const second = await contract.freelancer.http.post(changes(contract), { title: 'Checkout redesign v2' });
    expect(second.status).toBe(409);
    // The proposer cannot accept their own change.
    expect((await contract.client.http.post(`${changes(contract)}/${proposed.body.id}/accept`)).status).toBe(403);

    const accepted = await contract.freelancer.http.post(`${changes(contract)}/${proposed.body.id}/accept`);
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body).toMatchObject({ state: 'accepted', resultingVersion: 2, actions: [] });

    const seen = await contract.client.http.get(`/api/contracts/${contract.id}`);
    expect(seen.body.terms.version).toBe(2);
    expect(seen.body.terms.fixed.totalCents).toBe(40_000 + 45_000 + 30_000);
    expect(
      seen.body.milestones.map((m: { title: string; amountCents: number; state: string }) => [
        m.title,
        m.amountCents,
        m.state,
      ]),
    ).toEqual([
      ['Step 1 designs', 40_000, 'not_funded'],
      ['Milestone 2', 45_000, 'not_funded'],
      ['Checkout analytics', 30_000, 'not_funded'],
    ]);

    const history = await contract.freelancer.http.get(`/api/contracts/${contract.id}/terms`);
    expect(history.body).toMatchObject({ currentVersion: 2, canPropose: true });
    expect(history.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(history.body.versions[1]).toMatchObject({
      note: 'Analytics became part of the scope.',
      proposedBy: { userId: contract.client.id },
      acceptedBy: { userId: contract.freelancer.id },
    });

    const diff = await contract.freelancer.http.get(`/api/contracts/${contract.id}/terms/diff?from=1&to=2`);
    expect(diff.status).toBe(200);
    expect(diff.body.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'description' }),
        { field: 'fixed.totalCents', before: 90_000, after: 115_000 },
      ]),
    );
    expect(diff.body.milestones.removed).toEqual([]);
    expect(diff.body.milestones.added).toEqual([expect.objectContaining({ title: 'Checkout analytics' })]);
    expect(diff.body.milestones.changed).toEqual([
      {
        id: first,
        title: 'Step 1 designs',
        changes: [
          { field: 'title', before: 'Milestone 1', after: 'Step 1 designs' },
          { field: 'amountCents', before: 45_000, after: 40_000 },
        ],
      },
    ]);
    expect(await recordKinds(contract)).toEqual(
      expect.arrayContaining(['terms.change_proposed', 'terms.version', 'milestone.added']),
    );
    const bad = await contract.client.http.get(`/api/contracts/${contract.id}/terms/diff?from=1&to=7`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('to');
  });

  test('the other party declines with a reason; the terms stay', async () => {
    const contract = await aContract(t);
    const proposed = await contract.freelancer.http.post(changes(contract), {
      milestones: { remove: [{ milestoneId: contract.milestoneIds[1] }] },
    });
    expect(proposed.status, proposed.text).toBe(201);
    const noReason = await contract.client.http.post(`${changes(contract)}/${proposed.body.id}/decline`, {
      reason: ' ',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    const declined = await contract.client.http.post(`${changes(contract)}/${proposed.body.id}/decline`, {
      reason: 'We still need the second step.',
    });
    expect(declined.body).toMatchObject({ state: 'declined', declineReason: 'We still need the second step.' });
    expect(await milestonesSeenBy(contract.client, contract.id)).toHaveLength(2);
    expect((await contract.client.http.post(`${changes(contract)}/${proposed.body.id}/accept`)).status).toBe(409);
    expect(await recordKinds(contract)).toContain('terms.change_declined');
  });

  test('the proposer withdraws; only the proposer may', async () => {
    const contract = await aContract(t);
    const proposed = await contract.client.http.post(changes(contract), { title: 'Checkout and cart redesign' });
    expect((await contract.freelancer.http.post(`${changes(contract)}/${proposed.body.id}/withdraw`)).status).toBe(403);
    const withdrawn = await contract.client.http.post(`${changes(contract)}/${proposed.body.id}/withdraw`);
    expect(withdrawn.body).toMatchObject({ state: 'withdrawn', actions: [] });
    // A new change may now be proposed.
    expect(
      (await contract.freelancer.http.post(changes(contract), { title: 'Checkout redesign, phase 1' })).status,
    ).toBe(201);
    expect(await recordKinds(contract)).toContain('terms.change_withdrawn');
  });
});

describe('funded milestones', () => {
  test('lowering or removing a funded milestone needs refundEscrow; the freelancer accepting performs the refund', async () => {
    const contract = await aFundedContract(t, [0]);
    const [funded] = contract.milestoneIds as [string, string];
    expect(await escrowOf(t, contract.id)).toBe(45_000);

    const silent = await contract.client.http.post(changes(contract), {
      milestones: { change: [{ milestoneId: funded, amountCents: 30_000 }] },
    });
    expect(silent.status).toBe(400);
    expect(silent.body.errors[0].field).toBe('milestones.change.0.refundEscrow');
    const removal = await contract.client.http.post(changes(contract), {
      milestones: { remove: [{ milestoneId: funded }] },
    });
    expect(removal.body.errors[0].field).toBe('milestones.remove.0.refundEscrow');
    const raise = await contract.client.http.post(changes(contract), {
      milestones: { change: [{ milestoneId: funded, amountCents: 50_000 }] },
    });
    expect(raise.body.errors[0].field).toBe('milestones.change.0.amountCents');

    const lower = await contract.client.http.post(changes(contract), {
      note: 'The mobile layouts moved to another freelancer.',
      milestones: { change: [{ milestoneId: funded, amountCents: 30_000, refundEscrow: true }] },
    });
    expect(lower.status, lower.text).toBe(201);
    expect(lower.body.refunds).toEqual([{ milestoneId: funded, title: 'Milestone 1', amountCents: 15_000 }]);
    // Proposed, not agreed: nothing moves yet.
    expect(await escrowOf(t, contract.id)).toBe(45_000);

    const accepted = await contract.freelancer.http.post(`${changes(contract)}/${lower.body.id}/accept`);
    expect(accepted.status, accepted.text).toBe(200);
    expect(await escrowOf(t, contract.id)).toBe(30_000);
    const [first] = await milestonesSeenBy(contract.client, contract.id);
    expect(first).toMatchObject({ amountCents: 30_000, state: 'funded', inEscrowCents: 30_000 });

    // Removing it refunds the rest: the freelancer proposes, the client accepts.
    const remove = await contract.freelancer.http.post(changes(contract), {
      milestones: { remove: [{ milestoneId: funded, refundEscrow: true }] },
    });
    expect(remove.status, remove.text).toBe(201);
    expect((await contract.client.http.post(`${changes(contract)}/${remove.body.id}/accept`)).status).toBe(200);
    expect(await escrowOf(t, contract.id)).toBe(0);
    expect((await milestonesSeenBy(contract.client, contract.id)).map((m) => m.state)).toEqual([
      'refunded',
      'not_funded',
    ]);
    const version = await contract.client.http.get(`/api/contracts/${contract.id}`);
    expect(version.body.terms.version).toBe(3);
    expect(version.body.terms.fixed.milestones.map((m: { id: string }) => m.id)).toEqual([contract.milestoneIds[1]]);
  });

  test('a submitted milestone cannot change until it is answered', async () => {
    const contract = await aFundedContract(t, [0]);
    const [funded] = contract.milestoneIds as [string, string];
    await contract.freelancer.http.post(`/api/contracts/${contract.id}/status-reports`, {
      progress: [{ milestoneId: funded, percent: 100 }],
    });
    const res = await contract.client.http.post(changes(contract), {
      milestones: { change: [{ milestoneId: funded, title: 'Step one' }] },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'milestones.change.0.milestoneId' });
    expect(res.body.detail).toContain('Approve it or request changes first');
  });
});

describe('access and input', () => {
  test('strangers get 404 everywhere; operators read but cannot propose', async () => {
    const contract = await aContract(t);
    const proposed = await contract.client.http.post(changes(contract), { title: 'Checkout redesign (mobile first)' });
    const stranger = await aPerson(t, 'freelancer');
    const operator = await aPerson(t, 'operator');
    for (const path of [
      changes(contract),
      `/api/contracts/${contract.id}/terms`,
      `/api/contracts/${contract.id}/terms/diff?from=1&to=1`,
    ]) {
      expect((await stranger.http.get(path)).status, path).toBe(404);
      expect((await operator.http.get(path)).status, path).toBe(200);
    }
    expect((await stranger.http.post(changes(contract), { title: 'Mine now' })).status).toBe(404);
    expect((await stranger.http.post(`${changes(contract)}/${proposed.body.id}/accept`)).status).toBe(404);
    expect((await operator.http.post(changes(contract), { title: 'Operator edit' })).status).toBe(403);
  });

  test('field errors name the field', async () => {
    const contract = await aContract(t);
    const other = await aContract(t);
    const cases: [unknown, string][] = [
      [{ title: 'ab' }, 'title'],
      [{ description: 'too short' }, 'description'],
      [{ milestones: { add: [{ ...newMilestone(), amountCents: 499 }] } }, 'milestones.add.0.amountCents'],
      [{ milestones: { add: [{ ...newMilestone(), dueDate: '31/12/2026' }] } }, 'milestones.add.0.dueDate'],
      [{ milestones: { add: [{ ...newMilestone(), dueDate: '2020-01-01' }] } }, 'milestones.add.0.dueDate'],
      [
        { milestones: { add: [{ ...newMilestone(), acceptanceCriteria: 'ok' }] } },
        'milestones.add.0.acceptanceCriteria',
      ],
      [
        { milestones: { change: [{ milestoneId: other.milestoneIds[0], title: 'Step one' }] } },
        'milestones.change.0.milestoneId',
      ],
      [{ milestones: { remove: [{ milestoneId: 'nope' }] } }, 'milestones.remove.0.milestoneId'],
      [{ title: 'Checkout redesign' }, 'body'],
      [{ note: 'x'.repeat(2001), title: 'A new title' }, 'note'],
    ];
    for (const [body, field] of cases) {
      const res = await contract.client.http.post(changes(contract), body);
      expect(res.status, JSON.stringify(body).slice(0, 100)).toBe(400);
      expect(res.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    }
  });
});
