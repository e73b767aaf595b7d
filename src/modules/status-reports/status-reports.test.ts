import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DAY } from '../../platform/clock.ts';
import { makeCtx } from '../../server/context.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { aContract, endContractForTest, type TestContract } from '../contract-record/test-support.ts';
import { aPerson } from '../messages/test-support.ts';
import { aFundedContract, milestonesSeenBy } from '../terms-changes/test-support.ts';
import { remindMissingReports } from './remind-missing-reports.ts';
import { isoDate, weekLabel, weekStartOf } from './weeks.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  // A Wednesday noon (UTC) after today: weeks in these tests are known.
  const now = t.clock.now();
  const nextMonday = weekStartOf(new Date(now.getTime() + 7 * DAY));
  t.clock.freeze(new Date(nextMonday.getTime() + 2 * DAY + 12 * 3_600_000));
});
afterAll(async () => {
  await t.close();
});

const reports = (contract: TestContract) => `/api/contracts/${contract.id}/status-reports`;
const thisWeek = () => weekLabel(isoDate(weekStartOf(t.clock.now())));

describe('weeks', () => {
  test('ISO weeks are Monday-based in UTC, and labels round-trip', async () => {
    expect(isoDate(weekStartOf(new Date('2026-01-04T23:59:59Z')))).toBe('2025-12-29');
    expect(isoDate(weekStartOf(new Date('2026-01-05T00:00:00Z')))).toBe('2026-01-05');
    expect(weekLabel('2025-12-29')).toBe('2026-W01');
    expect(weekLabel('2026-12-28')).toBe('2026-W53');
    const { parseWeekLabel } = await import('./weeks.ts');
    expect(parseWeekLabel('2026-W01')).toBe('2025-12-29');
    expect(parseWeekLabel('2025-W53')).toBeNull();
  });
});

describe('filing status reports', () => {
  test('a milestone marked 100% is submitted for approval; both parties read the report and the record has it', async () => {
    const contract = await aFundedContract(t, [0]);
    const [first, second] = contract.milestoneIds as [string, string];
    const filed = await contract.freelancer.http.post(reports(contract), {
      progress: [
        { milestoneId: first, percent: 100 },
        { milestoneId: second, percent: 40 },
      ],
      plans: 'Start the payment step designs.',
      blockers: 'Waiting for the brand colours.',
    });
    expect(filed.status, filed.text).toBe(201);
    expect(filed.body).toMatchObject({
      week: thisWeek(),
      submittedMilestoneIds: [first],
      progress: [
        { milestoneId: first, title: 'Milestone 1', percent: 100 },
        { milestoneId: second, title: 'Milestone 2', percent: 40 },
      ],
      correctsReportId: null,
    });

    const seen = await milestonesSeenBy(contract.client, contract.id);
    expect(seen.map((m) => m.state)).toEqual(['submitted', 'not_funded']);

    const list = await contract.client.http.get(reports(contract));
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ canFile: false, currentWeek: { week: thisWeek(), filed: true } });
    expect(list.body.reports).toEqual([
      expect.objectContaining({ id: filed.body.id, plans: 'Start the payment step designs.' }),
    ]);
    expect((await contract.freelancer.http.get(reports(contract))).body.canFile).toBe(true);

    const record = await contract.client.http.get(`/api/contracts/${contract.id}/record?limit=200`);
    const kinds = record.body.items.map((entry: { kind: string }) => entry.kind);
    expect(kinds).toEqual(expect.arrayContaining(['milestone.submitted', 'status_report.filed']));
    const entry = record.body.items.find((item: { kind: string }) => item.kind === 'status_report.filed');
    expect(entry.data).toMatchObject({ reportId: filed.body.id, week: thisWeek(), submittedMilestoneIds: [first] });
  });

  test('a 100% milestone that is not funded is only reported', async () => {
    const contract = await aContract(t);
    const res = await contract.freelancer.http.post(reports(contract), {
      progress: [{ milestoneId: contract.milestoneIds[0], percent: 100 }],
    });
    expect(res.status).toBe(201);
    expect(res.body.submittedMilestoneIds).toEqual([]);
    expect((await milestonesSeenBy(contract.client, contract.id))[0]?.state).toBe('not_funded');
  });

  test('one report per week: another is refused, a correction names the latest and is itself corrected at most once', async () => {
    const contract = await aContract(t);
    const first = await contract.freelancer.http.post(reports(contract), { plans: 'Wireframes' });
    expect(first.status).toBe(201);
    const again = await contract.freelancer.http.post(reports(contract), { plans: 'Wireframes, again' });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('file a correction');

    const correction = await contract.freelancer.http.post(reports(contract), {
      correctsReportId: first.body.id,
      plans: 'Wireframes and the style guide',
    });
    expect(correction.status).toBe(201);
    expect(correction.body.correctsReportId).toBe(first.body.id);
    const stale = await contract.freelancer.http.post(reports(contract), {
      correctsReportId: first.body.id,
      plans: 'x',
    });
    expect(stale.status).toBe(400);
    expect(stale.body.errors[0].field).toBe('correctsReportId');

    const list = (await contract.client.http.get(reports(contract))).body.reports;
    expect(list).toHaveLength(2);
    expect(list.find((r: { id: string }) => r.id === first.body.id).correctedById).toBe(correction.body.id);

    // Filed reports are kept as filed, whatever the code path.
    await expect(
      t.services.db.execute(sql`update status_reports set plans = 'rewritten' where id = ${first.body.id}`),
    ).rejects.toMatchObject({ cause: expect.objectContaining({ message: expect.stringMatching(/kept as filed/) }) });
  });

  test('field errors name the field', async () => {
    const contract = await aContract(t);
    const other = await aContract(t);
    const post = (body: unknown) => contract.freelancer.http.post(reports(contract), body);
    const cases: [unknown, string][] = [
      [{ progress: [{ milestoneId: contract.milestoneIds[0], percent: 101 }] }, 'progress.0.percent'],
      [{ progress: [{ milestoneId: contract.milestoneIds[0], percent: 50.5 }] }, 'progress.0.percent'],
      [{ plans: 'x'.repeat(5001) }, 'plans'],
      [{ blockers: 'x'.repeat(5001) }, 'blockers'],
      [{ week: 'next week', plans: 'x' }, 'week'],
      [{ week: '2020-W10', plans: 'x' }, 'week'],
      [{ progress: [{ milestoneId: other.milestoneIds[0], percent: 10 }] }, 'progress.0.milestoneId'],
      [
        {
          progress: [
            { milestoneId: contract.milestoneIds[0], percent: 10 },
            { milestoneId: contract.milestoneIds[0], percent: 20 },
          ],
        },
        'progress.1.milestoneId',
      ],
      [{}, 'progress'],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    }
  });

  test('last week may still be reported, but not before the contract began', async () => {
    const contract = await aContract(t);
    const lastWeek = weekLabel(isoDate(new Date(weekStartOf(t.clock.now()).getTime() - 7 * DAY)));
    const res = await contract.freelancer.http.post(reports(contract), { week: lastWeek, plans: 'Kick-off' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'week', message: 'The contract had not started in that week.' });
  });

  test('only the freelancer files; strangers get 404; operators read', async () => {
    const contract = await aContract(t);
    const strangerFreelancer = await aPerson(t, 'freelancer');
    const strangerClient = await aPerson(t, 'client');
    const operator = await aPerson(t, 'operator');
    expect((await contract.client.http.post(reports(contract), { plans: 'x' })).status).toBe(403);
    expect((await strangerFreelancer.http.post(reports(contract), { plans: 'x' })).status).toBe(404);
    expect((await strangerFreelancer.http.get(reports(contract))).status).toBe(404);
    expect((await strangerClient.http.get(reports(contract))).status).toBe(404);
    const read = await operator.http.get(reports(contract));
    expect(read.status).toBe(200);
    expect(read.body.canFile).toBe(false);
  });
});

describe('the missing-report reminder', () => {
  test('goes once per contract and week, one day after the week ends, only to running contracts missing the report', async () => {
    const silent = await aContract(t);
    const diligent = await aContract(t);
    await diligent.freelancer.http.post(reports(diligent), { plans: 'On track' });
    const ended = await aContract(t);
    await endContractForTest(t, ended.id);
    const ctx = makeCtx(t.services, null, 'test');
    const missing = (contract: TestContract) =>
      contract.freelancer.http
        .get('/api/notifications')
        .then((res) => res.body.items.filter((n: { kind: string }) => n.kind === 'status_report.missing'));

    // Monday of the next week: the week just ended, but the day of grace is not over.
    t.clock.freeze(new Date(weekStartOf(t.clock.now()).getTime() + 7 * DAY + 3_600_000));
    await remindMissingReports(ctx);
    expect(await missing(silent)).toHaveLength(0);

    t.clock.advance(DAY);
    await remindMissingReports(ctx);
    await remindMissingReports(ctx);
    const sent = await missing(silent);
    expect(sent).toHaveLength(1);
    expect(sent[0].title).toContain('is missing');
    expect(sent[0].link).toBe(`/contracts/${silent.id}?tab=reports`);
    expect(await missing(diligent)).toHaveLength(0);
    // Only running contracts owe reports.
    expect(await missing(ended)).toHaveLength(0);
  });
});
