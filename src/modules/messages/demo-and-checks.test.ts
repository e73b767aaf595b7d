import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inTransaction } from '../../db/transaction.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { accountsDemo } from '../accounts/demo.ts';
import { messageChecks } from './checks.ts';
import { messagesDemo } from './demo.ts';
import { aConversation, anUpload, aPerson } from './test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const runChecks = () =>
  inTransaction(t.services.db, async (tx) => {
    const violations = [];
    for (const check of messageChecks) violations.push(...(await check.run(tx, t.services)));
    return violations;
  });

describe('demo and verify', () => {
  test('the demo opens direct conversations between demo clients and freelancers, once', async () => {
    const state = new Map<string, unknown>();
    const steps: string[] = [];
    const demo = { services: t.services, state, progress: (step: string) => steps.push(step), logins: [] };
    await accountsDemo.run(demo);
    await messagesDemo.run(demo);
    expect(steps.slice(-messagesDemo.units)).toHaveLength(messagesDemo.units);
    await messagesDemo.run(demo);

    const rows = await t.services.db.execute<{ subject: string; messages: number }>(
      sql`select t.subject, count(m.id)::int as messages from message_threads t
          left join messages m on m.thread_id = t.id group by t.subject order by t.subject`,
    );
    expect(rows.rows).toEqual([
      { subject: 'Brand illustrations', messages: 2 },
      { subject: 'Checkout redesign: a quick question', messages: 4 },
      { subject: 'Data pipeline follow-up', messages: 3 },
    ]);
    expect(await runChecks()).toEqual([]);
  });

  test('the checks name a message from a non-participant and a misplaced attachment', async () => {
    const { thread, client } = await aConversation(t);
    const stranger = await aPerson(t);
    const upload = await anUpload(client, 'never attached');
    await t.services.db.execute(
      sql`insert into messages (id, thread_id, kind, sender_id, text, created_at)
          values (${crypto.randomUUID()}, ${thread.id}, 'user', ${stranger.id}, 'Injected', now())`,
    );
    const sent = await client.http.post(`/api/threads/${thread.id}/messages`, { text: 'Legit' });
    await t.services.db.execute(
      sql`insert into message_attachments (message_id, file_id, position) values (${sent.body.id}, ${upload.id}, 1)`,
    );
    const violations = await runChecks();
    expect(violations).toEqual([
      expect.objectContaining({ message: `sender ${stranger.id} is not a participant of thread ${thread.id}` }),
      expect.objectContaining({ subject: `message ${sent.body.id}`, message: expect.stringContaining(upload.id) }),
    ]);
  });
});
