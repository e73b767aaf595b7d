import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inTransaction } from '../../db/transaction.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { adjustJobCounters } from './adjust-job-counters.ts';
import { aPerson, categoryId, hourlyTerms, jobBody, type Person, postJob, skillId } from './test-factories.ts';

let t: TestApp;
let client: Person;
let otherClient: Person;
let freelancer: Person;
let operator: Person;

beforeAll(async () => {
  t = await startTestApp();
  client = await aPerson(t, 'client', 'Hannah Becker');
  otherClient = await aPerson(t, 'client');
  freelancer = await aPerson(t, 'freelancer');
  operator = await aPerson(t, 'operator');
});
afterAll(async () => {
  await t.close();
});

const adjust = (jobId: string, deltas: Parameters<typeof adjustJobCounters>[2]) =>
  inTransaction(t.services.db, (tx) => adjustJobCounters(tx, jobId, deltas));

const text = (length: number) => 'x'.repeat(length);
const unknownId = '00000000-0000-4000-8000-000000000000';

describe('posting a job', () => {
  test('a client posts a complete job and sees it in their list', async () => {
    const res = await client.http.post('/api/jobs', jobBody({ publish: true }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      state: 'open',
      title: 'Build a React dashboard for our logistics SaaS',
      category: { slug: 'web-mobile-software-dev' },
      skills: [{ slug: 'react' }, { slug: 'typescript' }],
      terms: { type: 'fixed', budgetCents: 250_000, currency: 'USD', hourlyMinCents: null },
      visibility: 'public',
      screeningQuestions: ['Which dashboards have you built?'],
    });
    expect(res.body.publishedAt).toBeTruthy();
    const mine = await client.http.get('/api/my/jobs');
    expect(mine.body.items.map((job: { id: string }) => job.id)).toContain(res.body.id);
  });

  test('an hourly job keeps its rate range, hours and duration', async () => {
    const res = await client.http.post('/api/jobs', jobBody({ ...hourlyTerms, budgetCents: 99_999 }));
    expect(res.status).toBe(201);
    expect(res.body.state).toBe('draft');
    // The fixed-price budget does not belong to an hourly job and is dropped.
    expect(res.body.terms).toMatchObject({
      type: 'hourly',
      budgetCents: null,
      hourlyMinCents: 4000,
      hourlyMaxCents: 7000,
      hoursPerWeek: 20,
      duration: '1_to_3_months',
    });
  });

  const refusals: [string, Record<string, unknown>, string][] = [
    ['a short title', { title: 'Too short' }, 'title'],
    ['a long title', { title: text(121) }, 'title'],
    ['a short description', { description: text(49) }, 'description'],
    ['a long description', { description: text(10_001) }, 'description'],
    ['no deliverable', { deliverables: [] }, 'deliverables'],
    [
      'too many deliverables',
      {
        deliverables: Array.from({ length: 21 }, () => ({ title: 'Part', acceptanceCriteria: 'Done when it works.' })),
      },
      'deliverables',
    ],
    [
      'a short deliverable title',
      { deliverables: [{ title: 'x', acceptanceCriteria: 'Done when it works.' }] },
      'deliverables.0.title',
    ],
    [
      'short acceptance criteria',
      { deliverables: [{ title: 'Report', acceptanceCriteria: 'ok' }] },
      'deliverables.0.acceptanceCriteria',
    ],
    ['an unknown category', { categoryId: unknownId }, 'categoryId'],
    ['no skill', { skillIds: [] }, 'skillIds'],
    [
      '16 skills',
      { skillIds: Array.from({ length: 16 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`) },
      'skillIds',
    ],
    ['an unknown skill', { skillIds: [skillId('react'), unknownId] }, 'skillIds.1'],
    ['a repeated skill', { skillIds: [skillId('react'), skillId('react')] }, 'skillIds'],
    ['an unknown type', { type: 'weekly' }, 'type'],
    ['a fixed job without budget', { budgetCents: undefined }, 'budgetCents'],
    ['a budget under $5', { budgetCents: 499 }, 'budgetCents'],
    ['a budget over $1,000,000', { budgetCents: 100_000_001 }, 'budgetCents'],
    ['a budget in fractions of a cent', { budgetCents: 500.5 }, 'budgetCents'],
    ['an hourly rate under $3', { ...hourlyTerms, hourlyMinCents: 299 }, 'hourlyMinCents'],
    ['an hourly rate over $999', { ...hourlyTerms, hourlyMaxCents: 100_000 }, 'hourlyMaxCents'],
    ['a rate range upside down', { ...hourlyTerms, hourlyMinCents: 5000, hourlyMaxCents: 4000 }, 'hourlyMaxCents'],
    ['an hourly job without lowest rate', { ...hourlyTerms, hourlyMinCents: undefined }, 'hourlyMinCents'],
    ['an hourly job without hours', { ...hourlyTerms, hoursPerWeek: undefined }, 'hoursPerWeek'],
    ['0 hours a week', { ...hourlyTerms, hoursPerWeek: 0 }, 'hoursPerWeek'],
    ['81 hours a week', { ...hourlyTerms, hoursPerWeek: 81 }, 'hoursPerWeek'],
    ['an hourly job without duration', { ...hourlyTerms, duration: undefined }, 'duration'],
    ['an unknown duration', { ...hourlyTerms, duration: 'forever' }, 'duration'],
    ['an unknown experience level', { experienceLevel: 'guru' }, 'experienceLevel'],
    ['an unknown visibility', { visibility: 'secret' }, 'visibility'],
    ['an unsupported currency', { currency: 'EUR' }, 'currency'],
    [
      '6 screening questions',
      { screeningQuestions: Array.from({ length: 6 }, (_, i) => `Question ${i}?`) },
      'screeningQuestions',
    ],
    ['a long screening question', { screeningQuestions: [text(501)] }, 'screeningQuestions.0'],
    ['a blank screening question', { screeningQuestions: ['   '] }, 'screeningQuestions.0'],
    [
      '11 attachments',
      { attachmentIds: Array.from({ length: 11 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`) },
      'attachmentIds',
    ],
    ['a file that is not an upload of yours', { attachmentIds: [unknownId] }, 'attachmentIds.0'],
  ];

  test.each(refusals)('%s is refused with a 400 naming the field', async (_case, overrides, field) => {
    const res = await otherClient.http.post('/api/jobs', jobBody(overrides));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  test('refused posts leave nothing behind', async () => {
    const mine = await otherClient.http.get('/api/my/jobs');
    expect(mine.body.items).toEqual([]);
  });

  test('freelancers cannot post jobs', async () => {
    const res = await freelancer.http.post('/api/jobs', jobBody());
    expect(res.status).toBe(403);
  });
});

describe('the job life cycle', () => {
  test('draft -> open -> closed, and every wrong move is a 409 naming the current state', async () => {
    const draft = await client.http.post('/api/jobs', jobBody());
    const id = draft.body.id as string;
    expect(draft.body.state).toBe('draft');

    const published = await client.http.post(`/api/jobs/${id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body.state).toBe('open');

    const again = await client.http.post(`/api/jobs/${id}/publish`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('invalid_state');
    expect(again.body.detail).toContain('open');

    const noReason = await client.http.post(`/api/jobs/${id}/close`, { reason: 'cancelled' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('note');

    const notHired = await client.http.post(`/api/jobs/${id}/close`, { reason: 'hired', note: '' });
    expect(notHired.status).toBe(400);
    expect(notHired.body.errors[0].field).toBe('reason');

    const closed = await client.http.post(`/api/jobs/${id}/close`, { reason: 'cancelled', note: 'Budget was cut.' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ state: 'closed', closeReason: 'cancelled', closeNote: 'Budget was cut.' });

    for (const [method, path, body] of [
      ['post', `/api/jobs/${id}/publish`, undefined],
      ['post', `/api/jobs/${id}/unpublish`, undefined],
      ['post', `/api/jobs/${id}/close`, { reason: 'cancelled', note: 'Again' }],
      ['patch', `/api/jobs/${id}`, { title: 'A brand new title for it' }],
    ] as const) {
      const res = method === 'post' ? await client.http.post(path, body) : await client.http.patch(path, body);
      expect(res.status, path).toBe(409);
      expect(res.body.detail).toContain('closed');
      expect(res.body.errors).toEqual([{ field: 'state', message: 'The job is closed.' }]);
    }
  });

  test('an open job goes back to draft only while it has no proposals', async () => {
    const id = await postJob(client);
    const back = await client.http.post(`/api/jobs/${id}/unpublish`);
    expect(back.status).toBe(200);
    expect(back.body.state).toBe('draft');

    await client.http.post(`/api/jobs/${id}/publish`);
    await adjust(id, { proposals: 1 });
    const refused = await client.http.post(`/api/jobs/${id}/unpublish`);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('proposals');
  });

  test('a job with a hire may close as hired', async () => {
    const id = await postJob(client);
    await adjust(id, { proposals: 1, hires: 1 });
    const res = await client.http.post(`/api/jobs/${id}/close`, { reason: 'hired' });
    expect(res.status).toBe(200);
    expect(res.body.closeReason).toBe('hired');
  });
});

describe('edit history', () => {
  test('edits of an open job are recorded with who, when and each field before and after', async () => {
    const draft = await client.http.post('/api/jobs', jobBody());
    const id = draft.body.id as string;
    // Drafts change freely: nobody has seen them.
    await client.http.patch(`/api/jobs/${id}`, { title: 'Build a React dashboard, draft two' });
    await client.http.post(`/api/jobs/${id}/publish`);

    t.clock.advance(60_000);
    const edited = await client.http.patch(`/api/jobs/${id}`, {
      title: 'Build a React and D3 dashboard for logistics',
      budgetCents: 300_000,
      skillIds: [skillId('react'), skillId('typescript'), skillId('data-visualization')],
    });
    expect(edited.status).toBe(200);
    expect(edited.body.terms.budgetCents).toBe(300_000);
    // An edit that changes nothing is not history.
    await client.http.patch(`/api/jobs/${id}`, { budgetCents: 300_000 });
    await client.http.patch(`/api/jobs/${id}`, { ...hourlyTerms });

    const history = await client.http.get(`/api/jobs/${id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.items).toHaveLength(2);
    const [first, second] = history.body.items;
    expect(first.editedBy).toEqual({ userId: client.id, name: 'Hannah Becker' });
    expect(first.changes).toEqual([
      {
        field: 'title',
        before: 'Build a React dashboard, draft two',
        after: 'Build a React and D3 dashboard for logistics',
      },
      {
        field: 'skillIds',
        before: [skillId('react'), skillId('typescript')],
        after: [skillId('react'), skillId('typescript'), skillId('data-visualization')],
      },
      { field: 'budgetCents', before: 250_000, after: 300_000 },
    ]);
    expect(second.changes.map((change: { field: string }) => change.field)).toEqual([
      'type',
      'budgetCents',
      'hourlyMinCents',
      'hourlyMaxCents',
      'hoursPerWeek',
      'duration',
    ]);
    expect(second.changes[1]).toEqual({ field: 'budgetCents', before: 300_000, after: null });

    expect((await operator.http.get(`/api/jobs/${id}/history`)).status).toBe(200);
    expect((await otherClient.http.get(`/api/jobs/${id}/history`)).status).toBe(404);
    expect((await freelancer.http.get(`/api/jobs/${id}/history`)).status).toBe(403);
  });

  test('a bad edit is refused naming the field and changes nothing', async () => {
    const id = await postJob(client);
    const res = await client.http.patch(`/api/jobs/${id}`, { type: 'hourly' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('hourlyMinCents');
    const page = await client.http.get(`/api/jobs/${id}`);
    expect(page.body.job.terms.type).toBe('fixed');
    expect((await client.http.get(`/api/jobs/${id}/history`)).body.items).toEqual([]);
  });
});

describe('who sees a job', () => {
  test('another client can neither see nor change a job, draft or open (404)', async () => {
    const draft = (await client.http.post('/api/jobs', jobBody())).body.id as string;
    const open = await postJob(client);
    for (const id of [draft, open]) {
      expect((await otherClient.http.get(`/api/jobs/${id}`)).status).toBe(404);
      expect((await otherClient.http.patch(`/api/jobs/${id}`, { title: 'Stolen job title here' })).status).toBe(404);
      expect((await otherClient.http.post(`/api/jobs/${id}/close`, { reason: 'cancelled', note: 'x' })).status).toBe(
        404,
      );
      expect(
        (await otherClient.http.post(`/api/jobs/${id}/invitations`, { freelancerId: freelancer.id, message: 'Hi' }))
          .status,
      ).toBe(404);
    }
    expect((await otherClient.http.post(`/api/jobs/${draft}/publish`)).status).toBe(404);
    expect((await client.http.get(`/api/jobs/${draft}`)).body.job.title).toBe(jobBody().title);
  });

  test('freelancers see open public jobs but never drafts', async () => {
    const draft = (await client.http.post('/api/jobs', jobBody())).body.id as string;
    const open = await postJob(client);
    expect((await freelancer.http.get(`/api/jobs/${draft}`)).status).toBe(404);
    const page = await freelancer.http.get(`/api/jobs/${open}`);
    expect(page.status).toBe(200);
    expect(page.body.viewer).toEqual({ isOwner: false, invited: false });
    expect(page.body.counters).toBeNull();
    expect((await freelancer.http.patch(`/api/jobs/${open}`, { title: 'A freelancer edit attempt' })).status).toBe(403);
  });

  test('an invite-only job is a 404 for a freelancer until they are invited', async () => {
    const id = await postJob(client, { visibility: 'invite_only', title: 'Confidential payments integration work' });
    const invitee = await aPerson(t, 'freelancer', 'Priya Raman');
    expect((await invitee.http.get(`/api/jobs/${id}`)).status).toBe(404);

    const invited = await client.http.post(`/api/jobs/${id}/invitations`, {
      freelancerId: invitee.id,
      message: 'Your portfolio fits this well; would you apply?',
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ freelancerId: invitee.id, job: { id, state: 'open' } });

    const page = await invitee.http.get(`/api/jobs/${id}`);
    expect(page.status).toBe(200);
    expect(page.body.viewer.invited).toBe(true);
    expect(page.body.activity.invitesSent).toBe(1);
    // Someone else still cannot.
    expect((await freelancer.http.get(`/api/jobs/${id}`)).status).toBe(404);

    const list = await invitee.http.get('/api/invitations');
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({
      job: { id, title: 'Confidential payments integration work' },
      client: { userId: client.id, name: 'Hannah Becker' },
      message: 'Your portfolio fits this well; would you apply?',
    });
    const notifications = await invitee.http.get('/api/notifications');
    expect(notifications.body.items[0]).toMatchObject({ kind: 'job.invitation', link: `/jobs/${id}` });
    expect(notifications.body.items[0].title).toContain('Hannah Becker invited you');

    const twice = await client.http.post(`/api/jobs/${id}/invitations`, {
      freelancerId: invitee.id,
      message: 'Again?',
    });
    expect(twice.status).toBe(409);
    const notFreelancer = await client.http.post(`/api/jobs/${id}/invitations`, {
      freelancerId: otherClient.id,
      message: 'Hi',
    });
    expect(notFreelancer.status).toBe(400);
    expect(notFreelancer.body.errors[0].field).toBe('freelancerId');
  });

  test('operators see any job', async () => {
    const id = await postJob(client, { visibility: 'invite_only' });
    expect((await operator.http.get(`/api/jobs/${id}`)).status).toBe(200);
  });
});

describe('the job page', () => {
  test('shows the client card and activity, with proposals as a range', async () => {
    const fresh = await aPerson(t, 'client', 'Marcus Oyelaran');
    await fresh.http.put('/api/profiles/client/me', {
      name: 'Marcus Oyelaran',
      company: 'Northwind Logistics',
      description: '',
      country: 'NG',
      city: 'Lagos',
      timeZone: 'Africa/Lagos',
    });
    const hired = await postJob(fresh);
    await adjust(hired, { proposals: 3, hires: 1 });
    await fresh.http.post(`/api/jobs/${hired}/close`, { reason: 'hired' });
    const cancelled = await postJob(fresh);
    await fresh.http.post(`/api/jobs/${cancelled}/close`, { reason: 'cancelled', note: 'Plans changed.' });
    await postJob(fresh); // open, no proposals yet: does not count against the hire rate
    const id = await postJob(fresh);
    await adjust(id, { proposals: 12, interviewing: 2 });
    await fresh.http.post('/api/jobs', jobBody()); // a draft: not posted

    const page = await freelancer.http.get(`/api/jobs/${id}`);
    expect(page.status).toBe(200);
    expect(page.body.client).toMatchObject({
      userId: fresh.id,
      name: 'Marcus Oyelaran',
      company: 'Northwind Logistics',
      location: { country: 'NG', city: 'Lagos' },
      paymentVerified: false,
      jobsPosted: 4,
      openJobs: 2,
      hires: 1,
      // 1 job with a hire out of 3 that count (the hired one, the cancelled one, the one with proposals).
      hireRatePercent: 33,
      totalSpentCents: 0,
    });
    expect(page.body.client.memberSince).toBeTruthy();
    expect(page.body.activity).toMatchObject({
      proposals: '10 to 15',
      proposalsRange: '10to15',
      interviewing: 2,
      invitesSent: 0,
    });
    const own = await fresh.http.get(`/api/jobs/${id}`);
    expect(own.body.counters).toEqual({ proposals: 12, interviewing: 2, invitesSent: 0, hires: 0 });
  });
});

describe('counters', () => {
  test('a counter cannot go below zero', async () => {
    const id = await postJob(client);
    await expect(adjust(id, { proposals: -1 })).rejects.toThrow(/below zero/);
    const page = await client.http.get(`/api/jobs/${id}`);
    expect(page.body.counters.proposals).toBe(0);
  });
});

describe('attachments', () => {
  test('job files are readable by whoever may see the job', async () => {
    const form = new FormData();
    form.append('purpose', 'job');
    form.append('file', new Blob(['The brief, in detail.'], { type: 'text/plain' }), 'brief.txt');
    const upload = await client.http.post('/api/files', form);
    expect(upload.status).toBe(201);
    const id = await postJob(client, { visibility: 'invite_only', attachmentIds: [upload.body.id] });
    const page = await client.http.get(`/api/jobs/${id}`);
    expect(page.body.job.attachments).toEqual([
      expect.objectContaining({ id: upload.body.id, name: 'brief.txt', url: `/api/files/${upload.body.id}` }),
    ]);
    const invitee = await aPerson(t, 'freelancer');
    expect((await invitee.http.get(upload.body.url)).status).toBe(404);
    await client.http.post(`/api/jobs/${id}/invitations`, { freelancerId: invitee.id, message: 'Please look.' });
    expect((await invitee.http.get(upload.body.url)).status).toBe(200);
    expect((await otherClient.http.get(upload.body.url)).status).toBe(404);

    // Another client cannot attach someone else's upload to their job.
    const stolen = await otherClient.http.post('/api/jobs', jobBody({ attachmentIds: [upload.body.id] }));
    expect(stolen.status).toBe(400);
    expect(stolen.body.errors[0].field).toBe('attachmentIds.0');
  });
});

test('the category of a job must exist even when editing', async () => {
  const id = await postJob(client);
  const res = await client.http.patch(`/api/jobs/${id}`, { categoryId: categoryId('no-such-category') });
  expect(res.status).toBe(400);
  expect(res.body.errors[0].field).toBe('categoryId');
});
