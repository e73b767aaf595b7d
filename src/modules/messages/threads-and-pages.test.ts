import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inTransaction } from '../../db/transaction.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { getThreadForContext, isThreadParticipant, openThread, postSystemMessage } from './index.ts';
import { aConversation, aPerson } from './test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('opening threads (for other modules)', () => {
  test('one thread per context: opening again returns the same thread', async () => {
    const client = await aPerson(t, 'client');
    const freelancer = await aPerson(t, 'freelancer');
    const proposalId = crypto.randomUUID();
    const open = (subject: string) =>
      inTransaction(t.services.db, (tx) =>
        openThread(tx, t.services.clock, {
          contextKind: 'proposal',
          contextId: proposalId,
          participants: [
            { userId: client.id, role: 'client' },
            { userId: freelancer.id, role: 'freelancer' },
          ],
          subject,
          openedBy: client.id,
        }),
      );
    const [first, second] = await Promise.all([open('Proposal: Logo design'), open('Something else')]);
    expect(second.id).toBe(first.id);
    expect(first.subject).toBe('Proposal: Logo design');
    expect(await getThreadForContext(t.services.db, 'proposal', proposalId)).toMatchObject({
      id: first.id,
      state: 'open',
      participants: [
        { userId: client.id, role: 'client' },
        { userId: freelancer.id, role: 'freelancer' },
      ],
    });
    expect(await getThreadForContext(t.services.db, 'proposal', crypto.randomUUID())).toBeNull();
    expect(await isThreadParticipant(t.services.db, first.id, freelancer.id)).toBe(true);
    expect(await isThreadParticipant(t.services.db, first.id, (await aPerson(t)).id)).toBe(false);
    expect(await isThreadParticipant(t.services.db, 'not-an-id', freelancer.id)).toBe(false);
  });

  test('a thread needs two distinct participants', async () => {
    const alone = await aPerson(t);
    await expect(
      inTransaction(t.services.db, (tx) =>
        openThread(tx, t.services.clock, {
          contextKind: 'job',
          contextId: crypto.randomUUID(),
          participants: [
            { userId: alone.id, role: 'client' },
            { userId: alone.id, role: 'freelancer' },
          ],
          subject: 'Me, myself',
          openedBy: alone.id,
        }),
      ),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });

  test('system messages show events in the thread without a sender and without notifying', async () => {
    const { thread, client, freelancer } = await aConversation(t, {
      contextKind: 'proposal',
      contextId: crypto.randomUUID(),
    });
    await inTransaction(t.services.db, (tx) =>
      postSystemMessage(tx, t.services.clock, { threadId: thread.id, text: 'Offer sent: $1,200 fixed price' }),
    );
    const page = await freelancer.http.get(`/api/threads/${thread.id}/messages`);
    expect(page.body.items).toEqual([
      expect.objectContaining({ kind: 'system', sender: null, text: 'Offer sent: $1,200 fixed price', readBy: [] }),
    ]);
    const list = await client.http.get('/api/threads');
    expect(list.body.items[0]).toMatchObject({
      id: thread.id,
      lastMessage: { kind: 'system', senderId: null, senderName: null, preview: 'Offer sent: $1,200 fixed price' },
      unreadCount: 0,
    });
    const bell = await freelancer.http.get('/api/notifications');
    expect(bell.body.items.filter((n: { kind: string }) => n.kind === 'message.received')).toEqual([]);
  });
});

describe('pagination', () => {
  test('message pages go back in time and stay stable while new messages arrive', async () => {
    const { thread, client, freelancer } = await aConversation(t);
    for (let i = 1; i <= 7; i++) {
      const who = i % 2 ? client : freelancer;
      expect((await who.http.post(`/api/threads/${thread.id}/messages`, { text: `m${i}` })).status).toBe(201);
    }
    const path = `/api/threads/${thread.id}/messages`;
    const newest = await client.http.get(`${path}?limit=3`);
    expect(newest.body.items.map((m: { text: string }) => m.text)).toEqual(['m5', 'm6', 'm7']);
    await freelancer.http.post(path, { text: 'm8' });
    const older = await client.http.get(`${path}?limit=3&before=${newest.body.nextCursor}`);
    expect(older.body.items.map((m: { text: string }) => m.text)).toEqual(['m2', 'm3', 'm4']);
    const oldest = await client.http.get(`${path}?limit=3&before=${older.body.nextCursor}`);
    expect(oldest.body.items.map((m: { text: string }) => m.text)).toEqual(['m1']);
    expect(oldest.body.nextCursor).toBeNull();

    const bad = await client.http.get(`${path}?before=nonsense`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('before');
  });

  test('my threads are listed newest activity first, with the others’ names and a preview', async () => {
    const me = await aPerson(t, 'freelancer');
    const subjects: string[] = [];
    for (let i = 0; i < 5; i++) {
      const other = await aPerson(t, 'client');
      const subject = `Thread ${i}`;
      subjects.push(subject);
      const thread = await inTransaction(t.services.db, (tx) =>
        openThread(tx, t.services.clock, {
          contextKind: 'job',
          contextId: crypto.randomUUID(),
          participants: [
            { userId: other.id, role: 'client' },
            { userId: me.id, role: 'freelancer' },
          ],
          subject,
          openedBy: other.id,
        }),
      );
      t.clock.advance(1000);
      await other.http.post(`/api/threads/${thread.id}/messages`, {
        text: `Hello from ${other.name}. ${'word '.repeat(60)}`,
      });
    }
    const first = await me.http.get('/api/threads?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items.map((i: { subject: string }) => i.subject)).toEqual(['Thread 4', 'Thread 3']);
    expect(first.body.items[0].others).toEqual([
      { id: expect.any(String), name: expect.stringMatching(/^Test client/), role: 'client' },
    ]);
    expect(first.body.items[0].lastMessage.preview.length).toBeLessThanOrEqual(140);
    expect(first.body.items[0].lastMessage.preview).toMatch(/…$/);
    expect(first.body.items[0].unreadCount).toBe(1);
    const second = await me.http.get(`/api/threads?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((i: { subject: string }) => i.subject)).toEqual(['Thread 2', 'Thread 1']);
    const third = await me.http.get(`/api/threads?limit=2&cursor=${second.body.nextCursor}`);
    expect(third.body.items.map((i: { subject: string }) => i.subject)).toEqual(['Thread 0']);
    expect(third.body.nextCursor).toBeNull();
    expect((await me.http.get('/api/threads?cursor=bad')).status).toBe(400);
  });
});
