import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runVerify } from '../src/cli/run-verify.ts';
import { aSignedInUser } from '../src/modules/accounts/test-factories.ts';
import { milestonesModule } from '../src/modules/milestones/module.ts';
import { SANDBOX_CARDS } from '../src/modules/payments/index.ts';
import { runDueTasks } from '../src/modules/scheduler/run-due-tasks.ts';
import { DAY, HOUR } from '../src/platform/clock.ts';
import { aFixedPriceContract, type FixedPriceContract } from '../src/test/factories.ts';
import { startTestApp, type TestApp } from '../src/test/harness.ts';
import { chromiumAvailable, desktop, expectAccessible, launchChromium, phone, screenshot } from './browser.ts';

const WAIT = { timeout: 15_000 };
const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '..');

async function signedInPage(t: TestApp, context: BrowserContext, sessionToken: string): Promise<Page> {
  await context.addCookies([{ name: 'wr_session', value: sessionToken, url: t.baseUrl }]);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`browser error: ${error.message}`));
  return page;
}

const milestone = (page: Page, position: number): Locator => page.getByTestId(`milestone-${position}`);

async function expectState(page: Page, position: number, label: string) {
  await expect.poll(() => milestone(page, position).getByTestId('milestone-state').textContent(), WAIT).toBe(label);
}

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
}

/** Checks every acceptance criterion in the submit dialog and sends it. */
async function submitWork(page: Page, message: string, file?: { name: string; text: string }) {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Message to the client').fill(message);
  if (file) {
    await dialog.locator('input[type=file]').setInputFiles({
      name: file.name,
      mimeType: 'text/plain',
      buffer: Buffer.from(file.text),
    });
    await dialog.getByRole('list', { name: 'Files to submit' }).getByText(file.name).waitFor(WAIT);
  }
  for (const criterion of ['Designs for every step', 'Reviewed in a call']) {
    await dialog.getByRole('checkbox', { name: criterion }).check();
  }
  return dialog;
}

describe.skipIf(!chromiumAvailable)('the Workroom in a browser', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp({}, { serveWeb: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('a client and a freelancer run a three-milestone contract to the end, and the record verifies', async () => {
    const clara = await aSignedInUser(t, { role: 'client', displayName: 'Clara Client' });
    const fred = await aSignedInUser(t, { role: 'freelancer', displayName: 'Fred Freelancer' });
    const card = await clara.client.post('/api/billing-methods', {
      type: 'card',
      number: SANDBOX_CARDS.succeeds,
      expMonth: 12,
      expYear: t.clock.now().getUTCFullYear() + 3,
      cvc: '123',
      name: 'Clara Client',
    });
    expect(card.status).toBe(201);
    // The offer funded milestone 1 ($400); milestones 2 and 3 are $300 each.
    const contract: FixedPriceContract = await aFixedPriceContract(t, {
      amounts: [40_000, 30_000, 30_000],
      client: { id: clara.account.id, http: clara.client },
      freelancer: { id: fred.account.id, http: fred.client },
    });
    const workroom = `${t.baseUrl}/contracts/${contract.id}`;

    const clientContext = await browser.newContext({
      viewport: desktop,
      locale: 'en-US',
      timezoneId: 'America/New_York',
    });
    const freelancerContext = await browser.newContext({
      viewport: desktop,
      locale: 'en-US',
      timezoneId: 'Europe/Berlin',
      acceptDownloads: true,
    });
    const client = await signedInPage(t, clientContext, clara.sessionToken);
    const freelancer = await signedInPage(t, freelancerContext, fred.sessionToken);

    // The freelancer finds the contract and sees their next step.
    await freelancer.goto(`${t.baseUrl}/contracts`);
    await freelancer.getByRole('list', { name: 'Your contracts' }).waitFor(WAIT);
    await screenshot(freelancer, 'workroom-contracts-list-1440');
    await freelancer.getByRole('link', { name: 'Checkout redesign' }).click();
    await freelancer.getByRole('heading', { name: 'Checkout redesign' }).waitFor(WAIT);
    await expect.poll(() => freelancer.getByTestId('escrow-in-hand').textContent(), WAIT).toBe('$400.00');
    await expect
      .poll(() => freelancer.getByTestId('terms-summary').textContent(), WAIT)
      .toBe('$1,000.00 fixed price · version 1');
    await expectState(freelancer, 1, 'Funded');
    await expectState(freelancer, 2, 'Not funded');
    await screenshot(freelancer, 'workroom-freelancer-start-1440');
    await expectAccessible(freelancer, 'workroom overview');

    // 1. Submit milestone 1 with a file and the checklist.
    await freelancer.getByTestId('next-action').click();
    const submit = await submitWork(freelancer, 'All three steps are designed; the Figma export is attached.', {
      name: 'checkout-designs.txt',
      text: 'Step 1: cart. Step 2: address. Step 3: payment.',
    });
    await screenshot(freelancer, 'workroom-submit-dialog-1440');
    await submit.getByRole('button', { name: 'Submit for approval' }).click();
    await expectState(freelancer, 1, 'Submitted');
    await milestone(freelancer, 1)
      .getByText(/Review closes .* UTC \(.* your time\), in 2 weeks/)
      .waitFor(WAIT);

    // 2. The client asks for changes.
    await client.goto(workroom);
    await expectState(client, 1, 'Submitted');
    await expect
      .poll(() => client.getByTestId('next-action').textContent(), WAIT)
      .toBe('Review Milestone 1: Milestone 1');
    await screenshot(client, 'workroom-client-review-1440');
    await milestone(client, 1).getByRole('button', { name: 'Request changes' }).click();
    await client
      .getByRole('dialog')
      .getByLabel('What must change')
      .fill('The payment step needs the saved-card option.');
    await client.getByRole('dialog').getByRole('button', { name: 'Request changes' }).click();
    await expectState(client, 1, 'Changes requested');

    // 3. The freelancer resubmits.
    await freelancer.reload();
    await expectState(freelancer, 1, 'Changes requested');
    await expect
      .poll(() => freelancer.getByTestId('next-action').textContent(), WAIT)
      .toBe('Resubmit Milestone 1: Milestone 1');
    await freelancer.getByTestId('next-action').click();
    await freelancer.getByRole('dialog').getByText('The payment step needs the saved-card option.').waitFor(WAIT);
    const resubmit = await submitWork(freelancer, 'Saved cards added to the payment step.');
    await resubmit.getByRole('button', { name: 'Submit for approval' }).click();
    await expectState(freelancer, 1, 'Submitted');

    // 4. The client approves a partial payment: $300 of the $400; the fee breakdown shows first.
    await client.reload();
    await client.getByTestId('next-action').click();
    const approve = client.getByRole('dialog');
    await approve.getByLabel('Amount to release').fill('300');
    const breakdown = approve.getByTestId('fee-breakdown');
    await expect.poll(() => breakdown.textContent(), WAIT).toContain('Stays in escrow for the next milestone$100.00');
    await expect(breakdown.textContent()).resolves.toContain('Released from escrow$300.00');
    await screenshot(client, 'workroom-approve-partial-1440');
    await approve.getByRole('button', { name: 'Approve and pay $300.00' }).click();
    await expectState(client, 1, 'Paid');
    await expect.poll(() => client.getByTestId('escrow-in-hand').textContent(), WAIT).toBe('$100.00');

    // 5. The client funds milestone 2: the $100 left over goes first.
    await expect
      .poll(() => client.getByTestId('next-action').textContent(), WAIT)
      .toBe('Fund Milestone 2: Milestone 2');
    await client.getByTestId('next-action').click();
    const fund = client.getByRole('dialog');
    await expect
      .poll(() => fund.getByTestId('fee-breakdown').textContent(), WAIT)
      .toContain('Left in escrow from an earlier milestone−$100.00');
    await screenshot(client, 'workroom-fund-1440');
    await fund.getByRole('button', { name: /^Fund \$/ }).click();
    await expectState(client, 2, 'Funded');
    await expect.poll(() => client.getByTestId('escrow-in-hand').textContent(), WAIT).toBe('$300.00');

    // 6. A milestone is added by a change of terms, accepted by the other side.
    await openTab(client, 'Terms history');
    await client.getByRole('button', { name: 'Propose a change' }).click();
    const propose = client.getByRole('dialog', { name: 'Propose a change of terms' });
    await propose.getByLabel('Why (the other party reads this)').fill('Analytics joined the scope.');
    await propose.getByRole('button', { name: 'Add a milestone' }).click();
    const added = propose.getByRole('group', { name: 'New milestone 1' });
    await added.getByLabel('Title').fill('Checkout analytics');
    await added.getByLabel('Amount').fill('200');
    await added.getByLabel('Due date').fill(new Date(t.clock.now().getTime() + 30 * DAY).toISOString().slice(0, 10));
    await added.getByLabel('Acceptance criteria (one per line)').fill('Funnel events fire on each step');
    await screenshot(client, 'workroom-propose-change-1440');
    await propose.getByRole('button', { name: 'Propose the change' }).click();
    await client.getByText('Waiting for an answer').waitFor(WAIT);

    await freelancer.goto(`${workroom}?tab=terms`);
    const change = freelancer.getByRole('article', { name: 'Change proposed by Clara Client' });
    await change.getByTestId('terms-diff').getByText('Checkout analytics: $200.00', { exact: false }).waitFor(WAIT);
    await screenshot(freelancer, 'workroom-terms-change-1440');
    await change.getByRole('button', { name: 'Accept the change' }).click();
    await change.getByText('Accepted: version 2').waitFor(WAIT);
    await expect
      .poll(() => freelancer.getByTestId('terms-summary').textContent(), WAIT)
      .toBe('$1,200.00 fixed price · version 2');
    await freelancer.getByRole('list', { name: 'Terms versions' }).getByText('Version 2').waitFor(WAIT);
    await screenshot(freelancer, 'workroom-terms-history-1440');
    await expectAccessible(freelancer, 'terms history');

    // 7. A live message, then milestone 2 submitted by a status report marking it 100%.
    await openTab(freelancer, 'Messages');
    await freelancer.getByRole('list', { name: 'Messages' }).waitFor(WAIT);
    await openTab(client, 'Messages');
    await client.getByRole('textbox', { name: 'Message' }).fill('Thanks! Milestone 2 next.');
    await client.getByRole('button', { name: 'Send' }).click();
    await freelancer.getByRole('list', { name: 'Messages' }).getByText('Thanks! Milestone 2 next.').waitFor(WAIT);
    await screenshot(freelancer, 'workroom-messages-1440');

    await openTab(freelancer, 'Status reports');
    const report = freelancer.getByRole('form', { name: /^Status report for / });
    await report.getByLabel('Milestone 2: progress').fill('100');
    await report.getByLabel('Plans for next week').fill('Start the checkout analytics.');
    await report.getByLabel('Issues blocking the work').fill('None.');
    await screenshot(freelancer, 'workroom-status-report-1440');
    await report.getByRole('button', { name: /^File the report for / }).click();
    await freelancer
      .getByRole('article', { name: /^Status report for / })
      .getByText('Milestone 2: 100% · submitted for approval')
      .waitFor(WAIT);
    await screenshot(freelancer, 'workroom-status-report-filed-1440');
    await openTab(freelancer, 'Overview');
    await expectState(freelancer, 2, 'Submitted');

    // The task board both parties share.
    await openTab(freelancer, 'Tasks');
    const taskForm = freelancer.getByRole('form', { name: 'Add a task' });
    await taskForm.getByRole('textbox', { name: /^Task/ }).fill('Instrument the cart step');
    await taskForm.getByRole('button', { name: 'Add task' }).click();
    const todo = freelancer.getByRole('list', { name: 'To do' });
    await todo.getByText('Instrument the cart step').waitFor(WAIT);
    await todo.getByRole('button', { name: 'Start' }).click();
    await freelancer.getByRole('list', { name: 'In progress' }).getByText('Instrument the cart step').waitFor(WAIT);
    await screenshot(freelancer, 'workroom-tasks-1440');
    await expectAccessible(freelancer, 'tasks');

    // 8. Nobody answers for 14 days: milestone 2 is approved and paid automatically.
    t.clock.advance(14 * DAY + HOUR);
    await runDueTasks(t.services, milestonesModule.tasks ?? []);
    await openTab(client, 'Overview');
    await client.reload();
    await expectState(client, 2, 'Paid');
    await client
      .getByRole('table', { name: 'Payments' })
      .getByText('(approved automatically)', { exact: false })
      .waitFor(WAIT);
    await expect.poll(() => client.getByTestId('escrow-in-hand').textContent(), WAIT).toBe('$0.00');

    // 9. The client ends the contract; nothing is in escrow, so it ends at once.
    await client.getByRole('button', { name: 'End contract' }).click();
    await client
      .getByRole('dialog')
      .getByLabel('Why the contract ends')
      .fill('Phase 1 is done; analytics moves to next quarter.');
    await client.getByRole('dialog').getByRole('button', { name: 'End the contract' }).click();
    await client.getByText('This contract has ended').waitFor(WAIT);
    await screenshot(client, 'workroom-client-ended-1440');

    // The money adds up on both sides: $300 + $300 released, the same in each party's view.
    const overview = (await clara.client.get(`/api/contracts/${contract.id}/overview`)).body;
    expect(overview.totals).toMatchObject({ releasedCents: 60_000, inEscrowCents: 0, fundedCents: 60_000 });
    const net = overview.totals.freelancerNetCents as number;
    const dollars = (cents: number) => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
    for (const page of [client, freelancer]) {
      await page.goto(workroom);
      await expect.poll(() => page.getByTestId('stat-released').textContent(), WAIT).toBe('$600.00');
      await expect.poll(() => page.getByTestId('stat-in-escrow').textContent(), WAIT).toBe('$0.00');
    }
    await expect.poll(() => freelancer.getByTestId('stat-you-received').textContent(), WAIT).toBe(dollars(net));
    await expect.poll(() => client.getByTestId('stat-freelancer-received').textContent(), WAIT).toBe(dollars(net));
    await screenshot(freelancer, 'workroom-freelancer-ended-1440');

    await freelancer.goto(`${t.baseUrl}/earnings`);
    const earned = async () => {
      const read = async (id: string) =>
        Number((await freelancer.getByTestId(id).textContent())?.replace(/[^0-9.]/g, ''));
      return Math.round(((await read('stat-pending')) + (await read('stat-available'))) * 100);
    };
    await expect.poll(earned, WAIT).toBe(net);
    await screenshot(freelancer, 'workroom-freelancer-earnings-1440');
    await client.goto(`${t.baseUrl}/billing`);
    await expect.poll(() => client.getByTestId('stat-spent-on-contracts').textContent(), WAIT).toBe('$600.00');
    await screenshot(client, 'workroom-client-billing-1440');

    // Files and the record: the export verifies offline.
    await freelancer.goto(`${workroom}?tab=files`);
    await freelancer.getByRole('table', { name: 'Files' }).getByText('checkout-designs.txt').waitFor(WAIT);
    await screenshot(freelancer, 'workroom-files-1440');
    await freelancer.goto(`${workroom}?tab=record`);
    await freelancer.getByRole('table', { name: 'Record entries' }).getByText('contract.ended').waitFor(WAIT);
    await screenshot(freelancer, 'workroom-record-1440');
    await expectAccessible(freelancer, 'record');
    const [download] = await Promise.all([
      freelancer.waitForEvent('download'),
      freelancer.getByRole('link', { name: 'Export JSON' }).click(),
    ]);
    const exportDir = await fs.mkdtemp(path.join(os.tmpdir(), 'workroom-record-'));
    const file = path.join(exportDir, 'record.json');
    await download.saveAs(file);
    const verified = await run('node', ['bin/workroom.js', 'record', 'verify', file], { cwd: repoRoot });
    expect(verified.stdout).toMatch(/verif|intact|OK/i);
    await fs.rm(exportDir, { recursive: true, force: true });

    const problems = (await runVerify(t.services)).flatMap((result) => [
      ...(result.error ? [`${result.name}: ${result.error}`] : []),
      ...result.violations.map((violation) => `${result.name}: ${violation.subject}: ${violation.message}`),
    ]);
    expect(problems).toEqual([]);

    // The phone layout.
    for (const [page, who] of [
      [client, 'client'],
      [freelancer, 'freelancer'],
    ] as const) {
      await page.setViewportSize(phone);
      await page.goto(workroom);
      await expectState(page, 1, 'Paid');
      await screenshot(page, `workroom-${who}-375`);
    }
    await freelancer.goto(`${workroom}?tab=terms`);
    await freelancer.getByRole('list', { name: 'Terms versions' }).waitFor(WAIT);
    await screenshot(freelancer, 'workroom-terms-375');
    await clientContext.close();
    await freelancerContext.close();
  });
});
