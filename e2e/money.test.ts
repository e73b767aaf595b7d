import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { aSignedInUser } from '../src/modules/accounts/test-factories.ts';
import { payoutsModule } from '../src/modules/payouts/module.ts';
import { aFundedClient, creditEarning } from '../src/modules/payouts/test-support.ts';
import { runDueTasks } from '../src/modules/scheduler/run-due-tasks.ts';
import { DAY, HOUR } from '../src/platform/clock.ts';
import { startTestApp, type TestApp } from '../src/test/harness.ts';
import { chromiumAvailable, desktop, expectAccessible, launchChromium, phone, screenshot } from './browser.ts';

// Generous: the machine running the suite may be busy (several test runs share two cores).
const WAIT = { timeout: 30_000 };

async function signedInPage(t: TestApp, context: BrowserContext, sessionToken: string): Promise<Page> {
  await context.addCookies([{ name: 'wr_session', value: sessionToken, url: t.baseUrl }]);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`browser error: ${error.message}`));
  return page;
}

async function addCard(page: Page, number: string) {
  await page.getByRole('button', { name: 'Add a billing method' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a billing method' });
  await dialog.getByLabel('Card number').fill(number);
  await dialog.getByLabel('Expiry month').fill('12');
  await dialog.getByLabel('Expiry year').fill(String(new Date().getFullYear() + 3));
  await dialog.getByLabel('Security code').fill('123');
  await dialog.getByLabel('Name on the card').fill('Clara Client');
  return dialog;
}

describe.skipIf(!chromiumAvailable)('money in a browser', () => {
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

  test('a client adds a card, sees declined cards refused with the gateway’s message, and adds funds', async () => {
    const client = await aSignedInUser(t, { role: 'client', displayName: 'Clara Client' });
    const context = await browser.newContext({ viewport: desktop, locale: 'en-US', timezoneId: 'America/New_York' });
    const page = await signedInPage(t, context, client.sessionToken);
    await page.goto(`${t.baseUrl}/billing`);
    await page.getByRole('heading', { name: 'Billing & payments' }).waitFor(WAIT);
    await page.getByText('No billing method yet').waitFor(WAIT);
    await screenshot(page, 'billing-empty-1440');

    const dialog = await addCard(page, '4242 4242 4242 4242');
    await dialog.getByText('Sandbox test cards').waitFor(WAIT);
    await screenshot(page, 'billing-add-card-1440');
    await dialog.getByRole('button', { name: 'Add card' }).click();
    await page.getByRole('list', { name: 'Billing methods' }).getByText('Visa ending in 4242').waitFor(WAIT);

    // A card the issuer declines is refused when added, with the gateway's message on the number.
    const declined = await addCard(page, '4000000000000002');
    await declined.getByRole('button', { name: 'Add card' }).click();
    await declined
      .getByText(/card was declined/)
      .first()
      .waitFor(WAIT);
    await screenshot(page, 'billing-declined-card-1440');
    await declined.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('list', { name: 'Billing methods' }).getByText('ending in 0002').count()).resolves.toBe(
      0,
    );

    // A card that passes the check but whose payments are declined: the charge says why.
    const declinesCharges = await addCard(page, '4000000000000341');
    await declinesCharges.getByRole('button', { name: 'Add card' }).click();
    await page.getByRole('list', { name: 'Billing methods' }).getByText('Visa ending in 0341').waitFor(WAIT);
    const form = page.getByRole('form', { name: 'Add funds' });
    await form.getByLabel('Amount').fill('250');
    await form.getByLabel('Pay with').click();
    await page.getByRole('option', { name: 'Visa ending in 0341' }).click();
    await form.getByRole('button', { name: 'Add $250.00' }).click();
    await page.getByRole('alert').filter({ hasText: 'The card was declined.' }).waitFor(WAIT);
    await screenshot(page, 'billing-declined-charge-1440');

    await form.getByLabel('Pay with').click();
    await page.getByRole('option', { name: 'Visa ending in 4242' }).click();
    await form.getByRole('button', { name: 'Add $250.00' }).click();
    await page.getByText('$250.00 is in your Workroom balance.').waitFor(WAIT);
    await expect.poll(() => page.getByTestId('stat-funds-available').textContent(), WAIT).toBe('$250.00');
    await page
      .getByRole('table', { name: 'Transactions' })
      .getByText('Funds added by payment', { exact: true })
      .waitFor(WAIT);
    await page.getByRole('table', { name: 'Invoices and receipts' }).waitFor(WAIT);
    await screenshot(page, 'billing-funded-1440');
    await expectAccessible(page, 'billing');

    await page.setViewportSize(phone);
    await screenshot(page, 'billing-375');
    await context.close();
  });

  test('a freelancer adds a payout method, waits out the hold, withdraws and sees it in flight', async () => {
    const payer = await aFundedClient(t, 500_000);
    const freelancer = await aSignedInUser(t, { role: 'freelancer', displayName: 'Frida Freelancer' });
    const id = freelancer.account.id;
    await creditEarning(t, {
      clientId: payer.account.id,
      freelancerId: id,
      grossCents: 60_000,
      feeCents: 12_000,
      description: 'Milestone 1: Brand identity',
    });
    t.clock.advance(5 * DAY + HOUR);
    await runDueTasks(t.services, payoutsModule.tasks ?? []);
    await creditEarning(t, {
      clientId: payer.account.id,
      freelancerId: id,
      grossCents: 25_000,
      feeCents: 5_000,
      description: 'Milestone 2: Website mockups',
    });

    const context = await browser.newContext({ viewport: desktop, locale: 'en-GB', timezoneId: 'Europe/Berlin' });
    const page = await signedInPage(t, context, freelancer.sessionToken);
    await page.goto(`${t.baseUrl}/earnings`);
    await page.getByRole('heading', { name: 'Earnings & withdrawals' }).waitFor(WAIT);
    await expect.poll(() => page.getByTestId('stat-available').textContent(), WAIT).toBe('US$480.00');
    await expect.poll(() => page.getByTestId('stat-pending').textContent(), WAIT).toBe('US$200.00');
    await page.getByText('Add a payout method to withdraw').waitFor(WAIT);

    await page.getByRole('button', { name: 'Add a payout method' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add a payout method' });
    await dialog.getByLabel(/^PayPal:/).check();
    await dialog.getByLabel('PayPal email').fill('frida@example.com');
    await screenshot(page, 'earnings-add-method-1440');
    await dialog.getByRole('button', { name: 'Add payout method' }).click();
    const methods = page.getByRole('list', { name: 'Payout methods' });
    await methods.getByText('PayPal · f•••@example.com').waitFor(WAIT);
    await methods.getByText('On hold').waitFor(WAIT);
    await expect
      .poll(() => page.getByTestId('hold-note').textContent(), WAIT)
      .toMatch(/^Usable from \w{3} \d{1,2} \w{3}, \d\d:\d\d \(in 3 days\)$/);
    await page.getByText('Your payout method is on hold').waitFor(WAIT);
    await screenshot(page, 'earnings-on-hold-1440');

    t.clock.advance(3 * DAY + HOUR);
    await page.reload();
    await methods.getByText('Ready').waitFor(WAIT);
    const form = page.getByRole('form', { name: 'Withdraw' });
    await form.getByLabel('Amount').fill('100');
    const breakdown = form.getByTestId('withdraw-breakdown');
    await expect.poll(() => breakdown.textContent(), WAIT).toContain('PayPal fee−US$2.00');
    await expect(breakdown.textContent()).resolves.toContain('Arrives at PayPal · f•••@example.comUS$98.00');
    await screenshot(page, 'earnings-withdraw-breakdown-1440');
    await form.getByRole('button', { name: 'Review withdrawal' }).click();
    const confirm = page.getByRole('dialog', { name: 'Confirm your withdrawal' });
    await confirm.getByRole('button', { name: 'Withdraw US$100.00' }).click();
    await page.getByText('Withdrawal on its way').waitFor(WAIT);
    await expect.poll(() => page.getByTestId('stat-in-flight').textContent(), WAIT).toBe('US$98.00');
    await expect.poll(() => page.getByTestId('stat-available').textContent(), WAIT).toBe('US$380.00');
    await page.getByRole('table', { name: 'Withdrawals' }).getByText('In flight').waitFor(WAIT);
    await page
      .getByRole('table', { name: 'Transactions' })
      .getByText('Withdrawal to PayPal · f•••@example.com')
      .waitFor(WAIT);
    await screenshot(page, 'earnings-in-flight-1440');
    await expectAccessible(page, 'earnings');

    await page.setViewportSize(phone);
    await screenshot(page, 'earnings-375');
    await context.close();
  });
});
