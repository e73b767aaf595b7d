import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inTransaction } from '../../db/transaction.ts';
import { HOUR } from '../../platform/clock.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { notificationChecks } from './checks.ts';
import { notificationsDemo } from './demo.ts';
import { enqueueEmail } from './enqueue-email.ts';
import { emailOutbox, notifications } from './tables.ts';
import { aNotification, aUser } from './test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('demo and verify', () => {
  test('the demo step welcomes each demo user', async () => {
    const freelancer = await aUser(t, 'freelancer');
    const client = await aUser(t, 'client');
    const operator = await aUser(t, 'operator');
    const demoUser = (user: { id: string; email: string }, displayName: string) => ({ ...user, displayName });
    const users = {
      operator: demoUser(operator, 'Ops Team'),
      clients: [demoUser(client, 'Grace Hopper')],
      freelancers: [demoUser(freelancer, 'Ada Lovelace')],
    };
    const state = new Map<string, unknown>([['accounts.users', users]]);
    const steps: string[] = [];
    const demo = { services: t.services, state, progress: (step: string) => steps.push(step), logins: [] };
    await notificationsDemo.run(demo);
    expect(steps).toHaveLength(notificationsDemo.units);
    const mine = await freelancer.client.get('/api/notifications');
    expect(mine.body.unreadCount).toBe(3);
    expect(mine.body.items.map((item: { title: string }) => item.title)).toContain('Welcome to Workroom, Ada');
    expect((await client.client.get('/api/notifications')).body.items.map((i: { link: string }) => i.link)).toContain(
      '/profile/edit',
    );
    expect((await operator.client.get('/api/notifications/unread-count')).body.unreadCount).toBe(3);

    // A second demo run adds nothing.
    await notificationsDemo.run(demo);
    expect((await freelancer.client.get('/api/notifications/unread-count')).body.unreadCount).toBe(3);
  });

  test('the checks pass on good data and name the rows that break a rule', async () => {
    const runChecks = () =>
      inTransaction(t.services.db, async (tx) => {
        const violations = [];
        for (const check of notificationChecks) violations.push(...(await check.run(tx, t.services)));
        return violations;
      });
    expect(await runChecks()).toEqual([]);

    const me = await aUser(t);
    const id = await aNotification(t, me.id);
    const now = t.clock.now();
    await t.services.db
      .update(notifications)
      .set({ readAt: new Date(now.getTime() - 60_000) })
      .where(eq(notifications.id, id));
    const { id: emailId } = await inTransaction(t.services.db, (tx) =>
      enqueueEmail(tx, t.services.clock, { to: 'a@example.test', subject: 'S', text: 'T', kind: 'test.mail' }),
    );
    await t.services.db
      .update(emailOutbox)
      .set({ status: 'sending', claimedAt: new Date(now.getTime() - 2 * HOUR) })
      .where(eq(emailOutbox.id, emailId));

    const subjects = (await runChecks()).map((violation) => violation.subject);
    expect(subjects).toEqual(expect.arrayContaining([`notification ${id}`, `email_outbox ${emailId}`]));
  });

  test('the OpenAPI document describes the notification routes', async () => {
    const doc = (await t.client().get('/openapi.json')).body;
    for (const path of [
      '/api/notifications',
      '/api/notifications/unread-count',
      '/api/notifications/stream',
      '/api/notifications/read-all',
      '/api/notifications/{id}/read',
      '/api/operator/outbox',
      '/api/operator/outbox/{id}',
      '/api/operator/outbox/{id}/retry',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.components.schemas.NotificationList).toBeDefined();
    expect(doc.paths['/api/notifications/stream'].get.responses['200'].content['text/event-stream']).toBeDefined();
  });
});
