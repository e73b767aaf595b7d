import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inTransaction } from '../../db/transaction.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { openEventStream } from '../notifications/sse-reader.ts';
import { setThreadReadOnly } from './index.ts';
import { aConversation } from './test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('the live thread stream', () => {
  test('delivers a message, a read receipt, typing and the state change to the other participant', async () => {
    const { thread, client, freelancer } = await aConversation(t);
    const other = await aConversation(t);
    const stream = await openEventStream(`${t.baseUrl}/api/threads/${thread.id}/stream`, { cookie: freelancer.cookie });
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toContain('text/event-stream');
      expect(await stream.next()).toEqual({ event: 'ready', data: { threadId: thread.id } });

      await client.http.post(`/api/threads/${thread.id}/typing`);
      expect(await stream.next()).toEqual({ event: 'typing', data: { userId: client.id, name: client.name } });

      const sent = await client.http.post(`/api/threads/${thread.id}/messages`, { text: 'Are you there?' });
      // The sender's own read position moves first (same transaction), then the message arrives.
      const events = [await stream.next(), await stream.next()];
      const message = events.find((event) => event.event === 'message');
      expect(message?.data).toMatchObject({
        message: { id: sent.body.id, text: 'Are you there?', sender: { id: client.id, name: client.name } },
      });
      expect(events.find((event) => event.event === 'read')?.data).toMatchObject({ userId: client.id });

      const read = await freelancer.http.post(`/api/threads/${thread.id}/read`, { upToMessageId: sent.body.id });
      expect(read.status).toBe(200);
      expect(await stream.next()).toEqual({
        event: 'read',
        data: { userId: freelancer.id, upToMessageId: sent.body.id, readAt: expect.any(String) },
      });

      // Another thread's messages are not relayed here.
      await other.client.http.post(`/api/threads/${other.thread.id}/messages`, { text: 'Elsewhere' });
      expect(await stream.drain(300)).toEqual([]);

      await inTransaction(t.services.db, (tx) => setThreadReadOnly(tx, thread.id, 'The job was closed.'));
      expect(await stream.next()).toEqual({
        event: 'state',
        data: { state: 'read_only', readOnlyReason: 'The job was closed.' },
      });
    } finally {
      await stream.close();
    }
  });

  test('a rolled-back message is never pushed', async () => {
    const { thread, client, freelancer } = await aConversation(t);
    const stream = await openEventStream(`${t.baseUrl}/api/threads/${thread.id}/stream`, { cookie: freelancer.cookie });
    try {
      await stream.next();
      const refused = await client.http.post(`/api/threads/${thread.id}/messages`, {
        text: 'With a bad file',
        fileIds: [crypto.randomUUID()],
      });
      expect(refused.status).toBe(400);
      expect(await stream.drain(300)).toEqual([]);
    } finally {
      await stream.close();
    }
  });
});
