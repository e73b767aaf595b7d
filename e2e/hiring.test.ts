import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { runVerify } from '../src/cli/run-verify.ts';
import { aSignedInUser } from '../src/modules/accounts/test-factories.ts';
import { grantMonthlyConnectsTo } from '../src/modules/connects/index.ts';
import { categoryId, hourlyTerms, jobBody, skillId } from '../src/modules/jobs/test-factories.ts';
import { startTestApp, type TestApp } from '../src/test/harness.ts';
import type { TestClient } from '../src/test/http.ts';
import { chromiumAvailable, desktop, expectAccessible, launchChromium, phone, screenshot } from './browser.ts';

// Generous: the machine running the suite may be busy (several test runs share two cores).
const WAIT = { timeout: 30_000 };
const JOB_TITLE = 'Online booking calendar for a dental clinic';

interface Person {
  id: string;
  api: TestClient;
  page: Page;
  context: BrowserContext;
}

async function sees(scope: Page | Locator, text: string | RegExp): Promise<void> {
  await scope.getByText(text).first().waitFor(WAIT);
}

/** Picks an option of a Mantine Select or MultiSelect, typing part of it when it is searchable. */
async function choose(page: Page, scope: Page | Locator, label: string, search: string, option: string) {
  const input = scope.getByRole('combobox', { name: label });
  await input.click();
  if (search) await input.fill(search);
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => {
    const view = globalThis as unknown as {
      innerWidth: number;
      document: { documentElement: { scrollWidth: number } };
    };
    return view.document.documentElement.scrollWidth - view.innerWidth;
  });
  expect(overflow, `${label} scrolls sideways at ${page.viewportSize()?.width} px`).toBeLessThanOrEqual(0);
}

describe.skipIf(!chromiumAvailable)('hiring in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let client: Person;
  let freelancer: Person;
  let jobId = '';
  let threadId = '';
  let fixedOfferId = '';
  let hourlyOfferId = '';

  async function person(role: 'client' | 'freelancer', displayName: string, timezoneId: string): Promise<Person> {
    const user = await aSignedInUser(t, { role, displayName });
    const context = await browser.newContext({ viewport: desktop, locale: 'en-US', timezoneId });
    context.setDefaultTimeout(20_000);
    await context.addCookies([{ name: 'wr_session', value: user.sessionToken, url: t.baseUrl }]);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`browser error (${displayName}): ${error.message}`));
    return { id: user.account.id, api: user.client, page, context };
  }

  beforeAll(async () => {
    t = await startTestApp({}, { serveWeb: true });
    browser = await launchChromium();
    client = await person('client', 'Clara Client', 'America/New_York');
    freelancer = await person('freelancer', 'Frida Freelancer', 'Europe/Berlin');
    // Set-up that other suites cover in the browser: the client's card (to fund the offer), the
    // freelancer's profile (skills for best matches and talent search) and this month's Connects.
    const card = await client.api.post('/api/billing-methods', {
      type: 'card',
      number: '4242 4242 4242 4242',
      expMonth: 12,
      expYear: new Date().getUTCFullYear() + 3,
      cvc: '123',
      name: 'Clara Client',
    });
    expect(card.status).toBe(201);
    const profile = await freelancer.api.put('/api/profiles/freelancer/me', {
      name: 'Frida Freelancer',
      title: 'React and TypeScript engineer for booking and scheduling apps',
      overview: 'I build calm, accessible booking flows for clinics and studios. Ten years of React and TypeScript.',
      skillIds: [skillId('react'), skillId('typescript')],
      hourlyRateCents: 8500,
      currency: 'USD',
      availability: 'part_time',
      country: 'DE',
      city: 'Berlin',
      timeZone: 'Europe/Berlin',
      languages: [{ language: 'English', proficiency: 'fluent' }],
    });
    expect(profile.status).toBe(200);
    await grantMonthlyConnectsTo(t.services, freelancer.id);
    // Another client's hourly job with the same words: the "Fixed price" filter must leave it out.
    const other = await aSignedInUser(t, { role: 'client', displayName: 'Olaf Other' });
    const otherJob = await other.client.post(
      '/api/jobs',
      jobBody({
        ...hourlyTerms,
        title: 'Maintain our booking calendar plugin',
        description: 'Weekly fixes to a booking calendar plugin for a yoga studio; the plugin exists and has tests.',
        publish: true,
      }),
    );
    expect(otherJob.status).toBe(201);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    const name = task.name.replace(/\W+/g, '-').slice(0, 50);
    await screenshot(client.page, `failed-hiring-${name}-client`).catch(() => {});
    await screenshot(freelancer.page, `failed-hiring-${name}-freelancer`).catch(() => {});
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('a client posts a fixed-price job through the guided form; the API’s field errors show under the fields', async () => {
    const page = client.page;
    await page.goto(`${t.baseUrl}/jobs`);
    await sees(page, 'You have not posted a job yet');
    await screenshot(page, 'hiring-my-jobs-empty-1440');
    await page.getByRole('link', { name: 'Post your first job' }).click();
    await page.getByRole('heading', { name: 'Post a job' }).waitFor(WAIT);

    await page.getByLabel('Job title').fill('Booking');
    await page
      .getByLabel('What is in scope')
      .fill(
        'Add online booking to our clinic website: patients pick a dentist, a free slot and get an email confirmation.',
      );
    await page.getByLabel('What is out of scope').fill('Payments and the clinic’s internal scheduling system.');
    await page.getByLabel('Deliverable 1', { exact: true }).fill('Booking page');
    await page
      .getByLabel('Acceptance criteria for deliverable 1')
      .fill('Works on phones and desktops; a booking appears in the clinic calendar within a minute.');
    await choose(page, page, 'Category', 'Web', 'Web, Mobile & Software Dev');
    await choose(page, page, 'Skills', 'React', 'React');
    await choose(page, page, 'Skills', 'TypeScript', 'TypeScript');
    await page.keyboard.press('Escape');
    await page.getByLabel(/^Budget/).fill('1800');
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.getByLabel('Question 1', { exact: true }).fill('Which booking flows have you built before?');
    await page.getByRole('button', { name: 'Post job' }).click();
    // The title is too short: the API names the field and the form shows it there.
    await sees(page, 'Use at least 10 characters.');
    await page.getByLabel('Job title').fill(JOB_TITLE);
    await screenshot(page, 'hiring-post-job-1440');
    await expectAccessible(page, 'post a job');
    await page.getByRole('button', { name: 'Post job' }).click();

    await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/, WAIT);
    jobId = page.url().split('/').at(-1) ?? '';
    await page.getByRole('heading', { name: JOB_TITLE }).waitFor(WAIT);
    await sees(page, 'No proposals yet');
    await page.getByRole('tab', { name: 'Job post' }).click();
    await sees(page, 'Out of scope');
    await screenshot(page, 'hiring-job-owner-post-1440');

    const saved = await client.api.get(`/api/jobs/${jobId}`);
    expect(saved.body.job).toMatchObject({
      state: 'open',
      title: JOB_TITLE,
      terms: { type: 'fixed', budgetCents: 180_000, currency: 'USD' },
      screeningQuestions: ['Which booking flows have you built before?'],
    });
    expect(saved.body.job.category.id).toBe(categoryId('web-mobile-software-dev'));
    expect(saved.body.job.skills.map((skill: { name: string }) => skill.name)).toEqual(['React', 'TypeScript']);

    // An edit to the open job is kept in its history.
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.getByRole('heading', { name: 'Edit job' }).waitFor(WAIT);
    await page.getByLabel('What is out of scope').fill('Payments, and the clinic’s internal scheduling system.');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(`**/jobs/${jobId}`, WAIT);
    await page.getByRole('tab', { name: 'Edit history' }).click();
    await page
      .getByRole('table', { name: /^Changes on/ })
      .getByText('Scope', { exact: true })
      .waitFor(WAIT);
    await screenshot(page, 'hiring-job-owner-history-1440');

    await page.goto(`${t.baseUrl}/jobs`);
    await page.getByRole('listitem', { name: JOB_TITLE }).waitFor(WAIT);
    await screenshot(page, 'hiring-my-jobs-1440');
    await expectAccessible(page, 'my jobs');
  });

  test('the freelancer finds it by words and a filter, and sends a proposal that spends Connects', async () => {
    const page = freelancer.page;
    await page.goto(`${t.baseUrl}/find-work`);
    await page.getByRole('heading', { name: 'Find work' }).waitFor(WAIT);
    await page.getByLabel('Search jobs', { exact: true }).fill('booking calendar');
    await choose(page, page, 'Job type', '', 'Fixed price');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const results = page.getByRole('list', { name: 'Jobs found' });
    expect(page.url()).toContain('type=fixed');
    await page.getByText(/^1 job/).waitFor(WAIT);
    await results.getByRole('link', { name: JOB_TITLE }).waitFor(WAIT);
    await expect(results.getByText('Maintain our booking calendar plugin').count()).resolves.toBe(0);
    await screenshot(page, 'hiring-find-work-1440');
    await expectAccessible(page, 'find work');

    const phonePage = await freelancer.context.newPage();
    await phonePage.setViewportSize(phone);
    await phonePage.goto(page.url());
    await phonePage.getByRole('link', { name: JOB_TITLE }).waitFor(WAIT);
    await screenshot(phonePage, 'hiring-find-work-375');
    await expectNoSidewaysScroll(phonePage, 'job search');

    await page.getByRole('tab', { name: 'Best matches' }).click();
    await sees(page, 'Why this matches you');
    await screenshot(page, 'hiring-best-matches-1440');

    await page.getByRole('tab', { name: 'Search', exact: true }).click();
    await page.getByRole('link', { name: JOB_TITLE }).click();
    await page.getByRole('heading', { name: JOB_TITLE }).waitFor(WAIT);
    await sees(page, 'Sending a proposal costs 4 Connects.');
    await sees(page, 'You have 10 Connects.');
    await sees(page, 'About the client');
    await screenshot(page, 'hiring-job-freelancer-1440');
    await expectAccessible(page, 'job page for a freelancer');

    await page.getByRole('link', { name: 'Submit a proposal' }).click();
    await page.getByRole('heading', { name: 'Submit a proposal' }).waitFor(WAIT);
    await sees(page, 'This proposal costs');
    await page.getByLabel('Bid').fill('1700');
    await choose(page, page, 'How long will it take?', '', 'Less than 1 month');
    await page
      .getByLabel('Cover letter')
      .fill(
        'I built booking flows for two clinics last year, with calendar sync and reminders. I would start with the slot picker and the confirmation email.',
      );
    await page
      .getByLabel('Which booking flows have you built before?')
      .fill('A dental clinic in Hamburg and a physio studio.');
    // What the freelancer receives, from the API's fee preview, before sending.
    const receive = page.getByRole('table', { name: 'What you receive' });
    await receive.getByText('You’ll receive').waitFor(WAIT);
    await screenshot(page, 'hiring-proposal-form-1440');
    await expectAccessible(page, 'proposal form');

    await phonePage.goto(page.url());
    await phonePage.getByLabel('Cover letter').waitFor(WAIT);
    await screenshot(phonePage, 'hiring-proposal-form-375');
    await expectNoSidewaysScroll(phonePage, 'proposal form');
    await phonePage.close();

    await page.getByRole('button', { name: 'Send proposal' }).click();
    await page.waitForURL(/\/proposals\/[0-9a-f-]{36}$/, WAIT);
    await sees(page, 'Connects spent');
    await screenshot(page, 'hiring-proposal-freelancer-1440');

    // The balance on the Connects page went down by the job's price.
    await page.goto(`${t.baseUrl}/connects`);
    await expect.poll(() => page.getByTestId('connects-balance').textContent(), WAIT).toBe('6');
    await sees(page, 'Proposal');
    await screenshot(page, 'hiring-connects-1440');
    await expectAccessible(page, 'connects');
  });

  test('the client reviews the proposal and invites the freelancer to interview; they talk live in the thread', async () => {
    const page = client.page;
    await page.goto(`${t.baseUrl}/jobs/${jobId}`);
    const card = page.getByRole('article', { name: 'Proposal from Frida Freelancer' });
    await card.waitFor(WAIT);
    await card.getByRole('button', { name: 'Read the whole proposal' }).click();
    await sees(card, 'A dental clinic in Hamburg and a physio studio.');
    await screenshot(page, 'hiring-job-owner-proposals-1440');
    await expectAccessible(page, 'job proposals');

    await card.getByRole('button', { name: 'Invite to interview' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite Frida Freelancer to interview' });
    await dialog
      .getByLabel('Your first message')
      .fill('Hi Frida, thanks! Could you tell me how you would sync with our calendar?');
    await dialog.getByRole('button', { name: 'Send and open the interview' }).click();
    await card.getByText('Interviewing').first().waitFor(WAIT);
    await card.getByRole('link', { name: 'Open conversation' }).click();
    await page.waitForURL(/\/messages\/[0-9a-f-]{36}$/, WAIT);
    threadId = page.url().split('/').at(-1) ?? '';
    await sees(page, 'how you would sync with our calendar');

    // The freelancer finds the conversation from their proposals and answers; the client sees it arrive.
    const other = freelancer.page;
    await other.goto(`${t.baseUrl}/proposals`);
    await other.getByRole('list', { name: 'Proposals' }).getByRole('link', { name: 'Open conversation' }).click();
    await other.waitForURL(`**/messages/${threadId}`, WAIT);
    await sees(other, 'how you would sync with our calendar');
    await other.getByLabel('Message', { exact: true }).fill('Through the calendar’s API: a two-way sync every minute.');
    await other.getByRole('button', { name: 'Send', exact: true }).click();
    await sees(page, 'a two-way sync every minute');
    // The client has the thread open, so it is read, and the freelancer's page says so.
    await sees(other, 'Seen');
    await screenshot(page, 'hiring-messages-client-1440');
    await screenshot(other, 'hiring-messages-freelancer-1440');
    await expectAccessible(page, 'messages');
  });

  test('the client sends a funded fixed-price offer after seeing the fees', async () => {
    const page = client.page;
    await page.goto(`${t.baseUrl}/jobs/${jobId}`);
    await page
      .getByRole('article', { name: 'Proposal from Frida Freelancer' })
      .getByRole('link', { name: 'Send offer' })
      .click();
    await page.getByRole('heading', { name: 'Send an offer to Frida Freelancer' }).waitFor(WAIT);
    // Prefilled from the proposal: one milestone for the whole bid. Split it in two.
    await page.getByLabel('Amount of milestone 1').fill('1000');
    await page.getByRole('button', { name: 'Add a milestone' }).click();
    await page.getByLabel('Milestone 2', { exact: true }).fill('Reminders and calendar sync');
    await page.getByLabel('Amount of milestone 2').fill('700');
    await page
      .getByLabel('Acceptance criteria for milestone 2')
      .fill('Patients get a reminder a day before; bookings sync both ways.');
    await sees(page, 'Total $1,700.00');
    const fees = page.getByRole('table', { name: 'Fee breakdown' });
    await fees.getByText('You pay in total').waitFor(WAIT);
    await fees.getByText('Charged now into escrow').waitFor(WAIT);
    await expect.poll(() => page.getByTestId('freelancer-net').textContent(), WAIT).toMatch(/^\$1,\d{3}\.\d{2}$/);
    await screenshot(page, 'hiring-send-offer-fixed-1440');
    await expectAccessible(page, 'send a fixed-price offer');
    await page.getByRole('button', { name: 'Fund $1,000.00 and send offer' }).click();

    await page.waitForURL(/\/offers\/[0-9a-f-]{36}$/, WAIT);
    fixedOfferId = page.url().split('/').at(-1) ?? '';
    await expect.poll(() => page.getByTestId('escrow-funded').textContent(), WAIT).toBe('$1,000.00');
    await screenshot(page, 'hiring-offer-client-1440');
  });

  test('the client sends a direct hourly offer from Talent search', async () => {
    const page = client.page;
    await page.goto(`${t.baseUrl}/talent`);
    await page.getByLabel('Search freelancers').fill('booking');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const found = page.getByRole('listitem', { name: 'Frida Freelancer' });
    await found.waitFor(WAIT);
    await screenshot(page, 'hiring-talent-1440');
    await expectAccessible(page, 'talent search');
    await found.getByRole('link', { name: 'Send offer' }).click();
    await page.getByRole('heading', { name: 'Send an offer to Frida Freelancer' }).waitFor(WAIT);
    await page.getByText('Hourly', { exact: true }).click();
    await page.getByLabel('Contract title').fill('Ongoing booking site care');
    await page
      .getByLabel('Scope of work')
      .fill('Fixes and small features on the booking site, as we prioritise them each week.');
    await page.getByLabel('Hourly rate').fill('85');
    await page.getByLabel('Weekly limit').fill('10');
    const fees = page.getByRole('table', { name: 'Fee breakdown' });
    await fees.getByText('You pay per hour').waitFor(WAIT);
    await fees.getByText('Most a week can cost you (10 hrs)').waitFor(WAIT);
    await screenshot(page, 'hiring-send-offer-hourly-1440');
    await page.getByRole('button', { name: 'Send offer' }).click();
    await page.waitForURL(/\/offers\/[0-9a-f-]{36}$/, WAIT);
    hourlyOfferId = page.url().split('/').at(-1) ?? '';
    await sees(page, '$85.00/hr');
  });

  test('the freelancer accepts both offers: two contracts, the milestone held in escrow, verify clean', async () => {
    const page = freelancer.page;
    await page.goto(`${t.baseUrl}/proposals`);
    const waiting = page.getByRole('region', { name: 'Offers waiting for your answer' });
    await waiting.getByRole('link', { name: 'Ongoing booking site care' }).waitFor(WAIT);
    await screenshot(page, 'hiring-my-proposals-1440');
    await expectAccessible(page, 'my proposals');

    for (const offerId of [fixedOfferId, hourlyOfferId]) {
      await page.goto(`${t.baseUrl}/offers/${offerId}`);
      await page.getByRole('button', { name: 'Accept offer' }).click();
      if (offerId === fixedOfferId) await screenshot(page, 'hiring-offer-accept-1440');
      await page.getByRole('button', { name: 'Accept and start the contract' }).click();
      await sees(page, 'Accepted: the contract has started');
    }
    await expectAccessible(page, 'accepted offer');
    await screenshot(page, 'hiring-offer-freelancer-accepted-1440');

    const contracts = await client.api.get('/api/contracts');
    expect(contracts.status).toBe(200);
    const mine = contracts.body.items as { type: string; escrowBalanceCents: number; offerId: string }[];
    expect(mine).toHaveLength(2);
    const fixed = mine.find((contract) => contract.type === 'fixed');
    const hourly = mine.find((contract) => contract.type === 'hourly');
    expect(fixed?.offerId).toBe(fixedOfferId);
    expect(fixed?.escrowBalanceCents).toBe(100_000);
    expect(hourly?.offerId).toBe(hourlyOfferId);

    const results = await runVerify(t.services);
    const problems = results.filter((result) => result.violations.length > 0 || result.error);
    expect(problems).toEqual([]);
  });

  test('the freelancer saves a search and buys Connects with a card added in place', async () => {
    const page = freelancer.page;
    await page.goto(`${t.baseUrl}/find-work?q=dental`);
    await page.getByRole('button', { name: 'Save this search' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save this search' });
    await dialog.getByLabel('Name').fill('Dental booking work');
    await dialog.getByRole('button', { name: 'Save search' }).click();
    await page.getByRole('tab', { name: 'Saved searches' }).click();
    await page.getByRole('list', { name: 'Saved searches' }).getByText('Dental booking work').waitFor(WAIT);
    await screenshot(page, 'hiring-saved-searches-1440');

    await page.goto(`${t.baseUrl}/connects`);
    await page.getByRole('button', { name: 'Add a card or account' }).click();
    const card = page.getByRole('dialog', { name: 'Add a billing method' });
    await card.getByLabel('Card number').fill('4242 4242 4242 4242');
    await card.getByLabel('Expiry month').fill('12');
    await card.getByLabel('Expiry year').fill(String(new Date().getFullYear() + 3));
    await card.getByLabel('Security code').fill('123');
    await card.getByLabel('Name on the card').fill('Frida Freelancer');
    await card.getByRole('button', { name: 'Add card' }).click();
    await page.getByRole('radio', { name: /^20\b/ }).click();
    await page.getByRole('button', { name: 'Buy 20 Connects for $3.00' }).click();
    await expect.poll(() => page.getByTestId('connects-balance').textContent(), WAIT).toBe('26');
    await screenshot(page, 'hiring-connects-bought-1440');
  });

  test('an invited freelancer applies for free; the client declines with a reason and cancels the job', async () => {
    const posted = await client.api.post(
      '/api/jobs',
      jobBody({ title: 'Accessibility review of our booking flow', screeningQuestions: [], publish: true }),
    );
    expect(posted.status).toBe(201);
    const secondJobId = posted.body.id as string;

    const page = client.page;
    await page.goto(`${t.baseUrl}/talent?jobId=${secondJobId}`);
    const found = page.getByRole('listitem', { name: 'Frida Freelancer' });
    await found.getByRole('button', { name: 'Invite to job' }).click();
    const invite = page.getByRole('dialog', { name: 'Invite Frida Freelancer to a job' });
    await invite.getByRole('combobox', { name: 'Job' }).waitFor(WAIT);
    await expect
      .poll(() => invite.getByRole('combobox', { name: 'Job' }).inputValue(), WAIT)
      .toBe('Accessibility review of our booking flow');
    await screenshot(page, 'hiring-invite-1440');
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await sees(page, 'Invitation sent');

    const other = freelancer.page;
    await other.goto(`${t.baseUrl}/proposals`);
    const invitations = other.getByRole('region', { name: 'Invitations to apply' });
    await invitations.getByRole('link', { name: 'Accessibility review of our booking flow' }).click();
    await sees(other, 'You were invited: this proposal is free.');
    await other.getByRole('link', { name: 'Submit a proposal' }).click();
    await choose(other, other, 'How long will it take?', '', 'Less than 1 month');
    await other
      .getByLabel('Cover letter')
      .fill('I audit booking flows against WCAG 2.2 with screen readers and keyboard only, and fix what I find.');
    await other.getByRole('button', { name: 'Send proposal' }).click();
    await sees(other, 'Connects spent');
    await sees(other, '0 (invited)');

    await page.goto(`${t.baseUrl}/jobs/${secondJobId}`);
    const card = page.getByRole('article', { name: 'Proposal from Frida Freelancer' });
    await card.getByRole('button', { name: 'Decline' }).click();
    const decline = page.getByRole('dialog', { name: 'Decline Frida Freelancer’s proposal' });
    await decline.getByLabel('Reason').fill('We chose an in-house review after all. Thank you!');
    await decline.getByRole('button', { name: 'Decline proposal' }).click();
    await card.getByText('Declined: We chose an in-house review after all.').waitFor(WAIT);

    await page.getByRole('button', { name: 'Close job' }).click();
    const close = page.getByRole('dialog', { name: 'Close this job' });
    await close.getByLabel('Reason').fill('Done in-house.');
    await close.getByRole('button', { name: 'Close job' }).click();
    await page.getByText('Closed', { exact: true }).first().waitFor(WAIT);
    await screenshot(page, 'hiring-job-closed-1440');
    await expectAccessible(page, 'closed job');

    await other.goto(`${t.baseUrl}/proposals`);
    await other.getByText('Declined or withdrawn', { exact: true }).click();
    await other.getByRole('link', { name: 'Accessibility review of our booking flow' }).click();
    await sees(other, 'We chose an in-house review after all.');
    await screenshot(other, 'hiring-proposal-declined-1440');

    const phonePage = await freelancer.context.newPage();
    await phonePage.setViewportSize(phone);
    await phonePage.goto(`${t.baseUrl}/messages/${threadId}`);
    await sees(phonePage, 'a two-way sync every minute');
    await screenshot(phonePage, 'hiring-messages-375');
    await expectNoSidewaysScroll(phonePage, 'messages');
    await phonePage.goto(`${t.baseUrl}/offers/${fixedOfferId}`);
    await sees(phonePage, 'In escrow');
    await screenshot(phonePage, 'hiring-offer-375');
    await expectNoSidewaysScroll(phonePage, 'offer');
    await phonePage.close();
    expect(
      await runVerify(t.services).then((results) => results.filter((r) => r.violations.length || r.error)),
    ).toEqual([]);
  });
});
