import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { inTransaction } from '../src/db/transaction.ts';
import { notify } from '../src/modules/notifications/notify.ts';
import { startTestApp, type TestApp } from '../src/test/harness.ts';
import { chromiumAvailable, desktop, expectAccessible, launchChromium, phone, screenshot } from './browser.ts';

const PASSWORD = 'quiet orange lantern 2931';
// A 160×100 PNG (a blue rectangle): real image bytes, since the server checks what a file is.
const SCREENSHOT_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAKAAAABkCAIAAACO1KzYAAAA1ElEQVR42u3dQQ0AIAwEwdpAJhZrBgW84YmCJg2ZZBXcCLhY++jjwgSABViABViABViAAQuwAAuwAAuwAAMWYAEWYAFWG+AxU9UBBgwYMGDAgAELsAALMGDAgAEDBgxYgAVYgAEDBgwYMGDAgAELsAALMGDAgAEDBgxYgAVYgAEDBgwYMGDAgAELsAADBgwYMGDAgAEDFmABFmDAgAEDBgwYsAALsAADBgwYMGDAgAEDFmD1BpZzSgEWYAEWYMACLMACLMACLMCArQBYgAVYgAVYgPW692nAhzrGBboAAAAASUVORK5CYII=',
  'base64',
);
const WAIT = { timeout: 15_000 };

async function signedInUserId(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const response = await fetch('/api/me');
    const me = (await response.json()) as { id: string };
    return me.id;
  });
}

/** Waits until the page shows this text somewhere. */
async function sees(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: false }).first().waitFor(WAIT);
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

async function chooseOption(page: Page, label: string, search: string, option: string | RegExp) {
  const input = page.getByRole('combobox', { name: label });
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

describe.skipIf(!chromiumAvailable)('Workroom in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let clientContext: BrowserContext;
  let freelancerContext: BrowserContext;
  let clientPage: Page;
  let freelancerPage: Page;
  let clientId = '';
  let freelancerId = '';

  beforeAll(async () => {
    t = await startTestApp({}, { serveWeb: true });
    browser = await launchChromium();
    clientContext = await browser.newContext({ viewport: desktop, locale: 'en-US', timezoneId: 'America/New_York' });
    freelancerContext = await browser.newContext({ viewport: desktop, locale: 'en-GB', timezoneId: 'Europe/Berlin' });
    clientContext.setDefaultTimeout(10_000);
    freelancerContext.setDefaultTimeout(10_000);
    clientPage = await clientContext.newPage();
    freelancerPage = await freelancerContext.newPage();
    for (const page of [clientPage, freelancerPage]) {
      page.on('pageerror', (error) => console.error(`browser error: ${error.message}`));
    }
  });

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    const name = task.name.replace(/\W+/g, '-').slice(0, 60);
    await screenshot(clientPage, `failed-${name}-client`).catch(() => {});
    await screenshot(freelancerPage, `failed-${name}-freelancer`).catch(() => {});
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  test('the landing page explains Workroom and offers both sign-ups', async () => {
    await clientPage.goto(t.baseUrl);
    await expect
      .poll(() => clientPage.getByRole('heading', { level: 1 }).textContent(), WAIT)
      .toContain('Hire and work');
    await expect(clientPage.getByRole('link', { name: 'Sign up as a freelancer' }).isVisible()).resolves.toBe(true);
    await screenshot(clientPage, 'landing-1440');
    await expectAccessible(clientPage, 'landing');
  });

  test('a client signs up', async () => {
    await clientPage.getByRole('link', { name: 'Sign up as a client' }).click();
    await clientPage.waitForURL('**/signup?role=client');
    await clientPage.getByLabel('Your name').fill('Clara Client');
    await clientPage.getByLabel('Email').fill('clara@example.test');
    // The API's rule is shown under the field when it is broken.
    await clientPage.getByLabel(/^Password/).fill('short');
    await clientPage.getByRole('button', { name: 'Create account' }).click();
    await clientPage.getByText('Use at least 12 characters').waitFor(WAIT);
    await clientPage.getByLabel(/^Password/).fill(PASSWORD);
    await screenshot(clientPage, 'signup-1440');
    await expectAccessible(clientPage, 'sign up');
    await clientPage.getByRole('button', { name: 'Create account' }).click();
    await clientPage.waitForURL('**/dashboard', WAIT);
    await clientPage.getByRole('heading', { name: 'Welcome back, Clara Client' }).waitFor(WAIT);
    clientId = await signedInUserId(clientPage);
    await clientPage.getByText('Still missing:').waitFor(WAIT);
    await screenshot(clientPage, 'dashboard-client-1440');
  });

  test('a freelancer signs up in another browser and fills in the profile', async () => {
    await freelancerPage.goto(`${t.baseUrl}/signup?role=freelancer`);
    await freelancerPage.getByLabel('Your name').fill('Frida Freelancer');
    await freelancerPage.getByLabel('Email').fill('frida@example.test');
    await freelancerPage.getByLabel(/^Password/).fill(PASSWORD);
    await freelancerPage.getByRole('button', { name: 'Create account' }).click();
    await freelancerPage.waitForURL('**/profile/edit?welcome=1', WAIT);
    freelancerId = await signedInUserId(freelancerPage);

    const page = freelancerPage;
    await page.getByLabel('Professional title').waitFor(WAIT);
    await page.getByLabel('Professional title').fill('Senior React and TypeScript engineer');
    await page
      .getByLabel('Overview')
      .fill('I build fast, accessible web apps for small teams.\nTen years of React, TypeScript and Node.js.');
    await chooseOption(page, 'Your skills', 'React', 'React');
    await chooseOption(page, 'Your skills', 'TypeScript', 'TypeScript');
    await page.keyboard.press('Escape');
    await page.getByLabel('Hourly rate').fill('85.50');
    await chooseOption(page, 'Country', 'Germ', 'Germany');
    await page.getByLabel('City').fill('Berlin');
    await chooseOption(page, 'Time zone', 'Europe/Berl', /^Europe\/Berlin/);
    await page.getByRole('button', { name: 'Add a language' }).click();
    await page.getByRole('combobox', { name: 'Language 1' }).fill('English');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Clients now see your changes.').waitFor(WAIT);

    await page.getByRole('button', { name: 'Add a portfolio item' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a portfolio item' });
    await dialog.getByLabel('Title').fill('Booking app for a dental clinic');
    await dialog.getByLabel('Description').fill('Online booking with reminders; no-shows fell by a third.');
    await dialog.getByLabel('Link').fill('https://example.com/dental');
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: 'booking-screen.png', mimeType: 'image/png', buffer: SCREENSHOT_PNG });
    await dialog.getByRole('button', { name: 'Add item' }).click();
    await page.getByText('Booking app for a dental clinic').waitFor(WAIT);
    await screenshot(page, 'edit-profile-1440');
    await expectAccessible(page, 'edit profile');

    const saved = await t.client().get(`/api/freelancers/${freelancerId}`);
    expect(saved.status).toBe(200);
    expect(saved.body.hourlyRateCents).toBe(8550);
    expect(saved.body.timeZone).toBe('Europe/Berlin');
  });

  test('the client opens the freelancer’s public profile and sees what was saved', async () => {
    await clientPage.goto(`${t.baseUrl}/freelancers/${freelancerId}`);
    await clientPage.getByRole('heading', { name: 'Frida Freelancer' }).waitFor(WAIT);
    await sees(clientPage, 'Senior React and TypeScript engineer');
    await sees(clientPage, 'Ten years of React, TypeScript and Node.js.');
    const skills = clientPage.getByRole('region', { name: 'Skills' }).getByRole('listitem');
    expect(await skills.allTextContents()).toEqual(['React', 'TypeScript']);
    expect(await clientPage.getByTestId('hourly-rate').textContent()).toBe('$85.50/hr');
    await sees(clientPage, 'local time (Europe/Berlin)');
    await sees(clientPage, 'Berlin, Germany');
    await sees(clientPage, 'English');
    await sees(clientPage, 'Booking app for a dental clinic');
    const picture = clientPage.getByRole('img', { name: 'Booking app for a dental clinic' });
    await expect
      .poll(() => picture.evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth), WAIT)
      .toBe(160);
    await screenshot(clientPage, 'public-profile-1440');
    await expectAccessible(clientPage, 'public profile');

    const phonePage = await clientContext.newPage();
    await phonePage.setViewportSize(phone);
    await phonePage.goto(`${t.baseUrl}/freelancers/${freelancerId}`);
    await phonePage.getByRole('heading', { name: 'Frida Freelancer' }).waitFor(WAIT);
    await expectNoSidewaysScroll(phonePage, 'public profile');
    await screenshot(phonePage, 'public-profile-375');
    await expectAccessible(phonePage, 'public profile at 375 px');
    await phonePage.close();
  });

  test('the client fills in the client card and the freelancer sees it', async () => {
    await clientPage.goto(`${t.baseUrl}/profile/edit`);
    await clientPage.getByLabel('Company', { exact: true }).waitFor(WAIT);
    await clientPage.getByLabel('Company', { exact: true }).fill('Northwind Dental');
    await clientPage.getByLabel('About you or your company').fill('Three clinics in Boston; we hire for software.');
    await chooseOption(clientPage, 'Country', 'United St', 'United States');
    await chooseOption(clientPage, 'Time zone', 'New York', /^America\/New York/);
    await screenshot(clientPage, 'edit-client-profile-1440');
    await expectAccessible(clientPage, 'client profile editor');
    await clientPage.getByRole('button', { name: 'Save client profile' }).click();
    await clientPage.getByText('Freelancers now see your changes.').waitFor(WAIT);

    await freelancerPage.goto(`${t.baseUrl}/clients/${clientId}`);
    await freelancerPage.getByRole('heading', { name: 'Northwind Dental' }).waitFor(WAIT);
    await sees(freelancerPage, 'Clara Client');
    await sees(freelancerPage, 'Three clinics in Boston');
    await sees(freelancerPage, 'United States');
    await freelancerPage.getByRole('heading', { name: 'Hiring on Workroom' }).waitFor(WAIT);
    await sees(freelancerPage, 'Payment not verified');
    await sees(freelancerPage, 'Total spent');
    await sees(freelancerPage, 'No hires yet');
    await screenshot(freelancerPage, 'client-card-1440');
    await expectAccessible(freelancerPage, 'client card');
  });

  test('the bell counts a new notification live and marks it read', async () => {
    await freelancerPage.goto(`${t.baseUrl}/dashboard`);
    await freelancerPage.getByRole('heading', { name: 'Welcome back, Frida Freelancer' }).waitFor(WAIT);
    const bell = freelancerPage.getByRole('button', { name: /^Notifications,/ });
    await expect.poll(() => bell.getAttribute('aria-label'), WAIT).toBe('Notifications, none unread');

    await inTransaction(t.services.db, (tx) =>
      notify(tx, t.services.clock, {
        userId: freelancerId,
        kind: 'test.hello',
        title: 'Clara Client viewed your profile',
        body: 'Northwind Dental may invite you to a job.',
        link: `/clients/${clientId}`,
      }),
    );
    // No reload: the count arrives over the live stream.
    await expect.poll(() => bell.getAttribute('aria-label'), WAIT).toBe('Notifications, 1 unread');
    await expect.poll(() => freelancerPage.getByTestId('dashboard-unread').textContent(), WAIT).toBe('1 unread');
    await screenshot(freelancerPage, 'dashboard-1440');
    await expectAccessible(freelancerPage, 'dashboard');

    await bell.click();
    await freelancerPage.getByRole('dialog').getByText('Clara Client viewed your profile').waitFor(WAIT);
    await screenshot(freelancerPage, 'notifications-open-1440');
    await freelancerPage.getByRole('button', { name: 'Mark all read' }).click();
    await expect.poll(() => bell.getAttribute('aria-label'), WAIT).toBe('Notifications, none unread');
    await freelancerPage.keyboard.press('Escape');
  });

  test('settings: create an API token, use it, revoke it', async () => {
    await clientPage.goto(`${t.baseUrl}/settings`);
    await clientPage.getByLabel('Token name').waitFor(WAIT);
    await clientPage.getByLabel('Token name').fill('Invoice export script');
    await clientPage.getByRole('button', { name: 'Create token' }).click();
    const token = (await clientPage.getByTestId('new-api-token').textContent(WAIT)) ?? '';
    expect(token.length).toBeGreaterThan(20);

    const asScript = t.client().withToken(token.trim());
    expect((await asScript.get('/api/me')).body.email).toBe('clara@example.test');
    await clientPage.getByRole('list', { name: 'API tokens' }).getByText('Invoice export script').waitFor(WAIT);
    await screenshot(clientPage, 'settings-1440');
    await expectAccessible(clientPage, 'settings');

    await clientPage.getByRole('button', { name: 'I have saved it' }).click();
    await clientPage.getByRole('button', { name: 'Revoke Invoice export script' }).click();
    await clientPage.getByRole('button', { name: 'Revoke token' }).click();
    await clientPage.getByText('No API tokens').waitFor(WAIT);
    expect((await asScript.get('/api/me')).status).toBe(401);
  });

  test('log out returns to the landing page and guards signed-in pages', async () => {
    await clientPage.getByRole('button', { name: /^Account menu/ }).click();
    await clientPage.getByRole('menuitem', { name: 'Log out' }).click();
    await clientPage.getByRole('link', { name: 'Sign up as a client' }).waitFor(WAIT);
    await clientPage.goto(`${t.baseUrl}/dashboard`);
    await clientPage.waitForURL('**/login?next=%2Fdashboard', WAIT);
    await screenshot(clientPage, 'login-1440');
    await expectAccessible(clientPage, 'log in');
  });

  test('signed-in pages fit a phone, with the navigation in a drawer', async () => {
    const page = await freelancerContext.newPage();
    await page.setViewportSize(phone);
    for (const [path, name, heading] of [
      ['/dashboard', 'dashboard-375', 'Welcome back, Frida Freelancer'],
      ['/profile/edit', 'edit-profile-375', 'Edit profile'],
      ['/settings', 'settings-375', 'Settings'],
    ] as const) {
      await page.goto(`${t.baseUrl}${path}`);
      await page.getByRole('heading', { name: heading }).waitFor(WAIT);
      await expectNoSidewaysScroll(page, path);
      await screenshot(page, name);
      await expectAccessible(page, `${path} at 375 px`);
    }
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page.getByRole('dialog').getByRole('link', { name: 'Dashboard' }).click();
    await page.waitForURL('**/dashboard', WAIT);
    await page.close();
  });

  test('signed-out pages: landing at 375 px, password reset, 404', async () => {
    const page = await clientContext.newPage();
    await page.setViewportSize(phone);
    await page.goto(t.baseUrl);
    await page.getByRole('heading', { level: 1 }).waitFor(WAIT);
    await expectNoSidewaysScroll(page, 'landing');
    await screenshot(page, 'landing-375');
    await page.close();

    await clientPage.goto(`${t.baseUrl}/reset-password`);
    await clientPage.getByLabel('Email').fill('clara@example.test');
    await clientPage.getByRole('button', { name: 'Send reset link' }).click();
    await clientPage.getByRole('heading', { name: 'Check your email' }).waitFor(WAIT);
    await screenshot(clientPage, 'reset-password-sent-1440');
    await expectAccessible(clientPage, 'password reset');

    await clientPage.goto(`${t.baseUrl}/no-such-page`);
    await clientPage.getByRole('heading', { name: 'This page does not exist' }).waitFor(WAIT);
    await screenshot(clientPage, 'not-found-1440');
    await expectAccessible(clientPage, '404');
  });
});
