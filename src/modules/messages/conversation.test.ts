import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inTransaction } from '../../db/transaction.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { postSystemMessage, setThreadReadOnly } from './index.ts';
import { aConversation, anUpload, aPerson } from './test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('a conversation', () => {
  test('two participants converse and each sees the other’s messages in order, with names', async () => {
    const { thread, client, freelancer } = await aConversation(t);
    const first = await client.http.post(`/api/threads/${thread.id}/messages`, {
      text: '  Hi! Can you start Monday?\u0007 ',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      threadId: thread.id,
      kind: 'user',
      sender: { id: client.id, name: client.name },
      text: 'Hi! Can you start Monday?',
      attachments: [],
      readBy: [],
    });
    const reply = await freelancer.http.post(`/api/threads/${thread.id}/messages`, { text: 'Yes, Monday works.' });
    expect(reply.status).toBe(201);

    const seenByClient = await client.http.get(`/api/threads/${thread.id}/messages`);
    expect(seenByClient.status).toBe(200);
    expect(seenByClient.body.items.map((m: { text: string }) => m.text)).toEqual([
      'Hi! Can you start Monday?',
      'Yes, Monday works.',
    ]);
    expect(seenByClient.body.items[1].sender).toEqual({ id: freelancer.id, name: freelancer.name });
    expect(seenByClient.body.nextCursor).toBeNull();

    const detail = await freelancer.http.get(`/api/threads/${thread.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      id: thread.id,
      contextKind: 'direct',
      subject: 'Landing page rebuild',
      state: 'open',
      canPost: true,
    });
    expect(detail.body.participants.map((p: { userId: string; role: string }) => [p.userId, p.role])).toEqual([
      [client.id, 'client'],
      [freelancer.id, 'freelancer'],
    ]);
  });

  test('a stranger gets 404 on reading and posting; an operator reads but cannot post', async () => {
    const { thread, client } = await aConversation(t);
    await client.http.post(`/api/threads/${thread.id}/messages`, { text: 'Private terms' });
    const stranger = await aPerson(t, 'freelancer');
    for (const path of [`/api/threads/${thread.id}`, `/api/threads/${thread.id}/messages`]) {
      expect((await stranger.http.get(path)).status).toBe(404);
    }
    const post = await stranger.http.post(`/api/threads/${thread.id}/messages`, { text: 'Let me in' });
    expect(post.status).toBe(404);
    expect((await stranger.http.post(`/api/threads/${thread.id}/read`, { upToMessageId: thread.id })).status).toBe(404);
    expect((await stranger.http.get(`/api/threads/${thread.id}/stream`)).status).toBe(404);
    expect((await stranger.http.get('/api/threads')).body.items).toEqual([]);

    const operator = await aPerson(t, 'operator');
    const read = await operator.http.get(`/api/threads/${thread.id}/messages`);
    expect(read.status).toBe(200);
    expect(read.body.items.map((m: { text: string }) => m.text)).toEqual(['Private terms']);
    expect((await operator.http.get(`/api/threads/${thread.id}`)).body.canPost).toBe(false);
    const operatorPost = await operator.http.post(`/api/threads/${thread.id}/messages`, { text: 'Hello' });
    expect(operatorPost.status).toBe(403);

    const all = await client.http.get(`/api/threads/${thread.id}/messages`);
    expect(all.body.items).toHaveLength(1);
  });

  test('bad input is refused naming the field, and nothing is posted', async () => {
    const { thread, client, freelancer } = await aConversation(t);
    const path = `/api/threads/${thread.id}/messages`;
    const blank = await client.http.post(path, { text: ' \u0000\n ' });
    expect(blank.status).toBe(400);
    expect(blank.body.errors[0].field).toBe('text');
    const long = await client.http.post(path, { text: 'x'.repeat(10_001) });
    expect(long.status).toBe(400);
    expect(long.body.errors[0].field).toBe('text');
    expect((await client.http.post(path, { text: 'x'.repeat(10_000) })).status).toBe(201);

    const tooMany = await client.http.post(path, {
      text: 'files',
      fileIds: Array.from({ length: 11 }, () => crypto.randomUUID()),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0].field).toBe('fileIds');

    // Someone else's upload, or an upload for another purpose, cannot be attached.
    const theirs = await anUpload(freelancer, 'not yours');
    const refused = await client.http.post(path, { text: 'sneaky', fileIds: [theirs.id] });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].field).toBe('fileIds.0');
    const avatar = await anUpload(client, 'portfolio thing', 'p.txt', 'message');
    const twice = await client.http.post(path, { text: 'dup', fileIds: [avatar.id, avatar.id] });
    expect(twice.status).toBe(400);
    expect(twice.body.errors[0].field).toBe('fileIds.1');

    const page = await freelancer.http.get(path);
    expect(page.body.items).toHaveLength(1);
  });
});

describe('attachments', () => {
  test('the other participant can download them; a stranger cannot', async () => {
    const { thread, client, freelancer } = await aConversation(t);
    const upload = await anUpload(freelancer, 'Wireframes v2, see page 3', 'wireframes.txt');
    const posted = await freelancer.http.post(`/api/threads/${thread.id}/messages`, {
      text: 'Here are the wireframes.',
      fileIds: [upload.id],
    });
    expect(posted.status).toBe(201);
    expect(posted.body.attachments).toEqual([
      {
        id: upload.id,
        name: 'wireframes.txt',
        sizeBytes: upload.sizeBytes,
        contentType: 'text/plain',
        sha256: upload.sha256,
        url: `/api/files/${upload.id}`,
      },
    ]);

    const seen = await client.http.get(`/api/threads/${thread.id}/messages`);
    const url = seen.body.items[0].attachments[0].url;
    const download = await client.http.get(url);
    expect(download.status).toBe(200);
    expect(download.text).toBe('Wireframes v2, see page 3');

    const stranger = await aPerson(t, 'client');
    expect((await stranger.http.get(url)).status).toBe(404);
    const operator = await aPerson(t, 'operator');
    expect((await operator.http.get(url)).status).toBe(200);

    // Already attached: it cannot be attached to a second message.
    const again = await freelancer.http.post(`/api/threads/${thread.id}/messages`, {
      text: 'Again',
      fileIds: [upload.id],
    });
    expect(again.status).toBe(400);
  });
});

describe('read-only threads', () => {
  test('refuse posts with 409 saying why, but stay readable', async () => {
    const { thread, client, freelancer } = await aConversation(t, {
      contextKind: 'contract',
      contextId: crypto.randomUUID(),
    });
    await client.http.post(`/api/threads/${thread.id}/messages`, { text: 'Thanks for the great work!' });
    await inTransaction(t.services.db, async (tx) => {
      await postSystemMessage(tx, t.services.clock, { threadId: thread.id, text: 'The contract ended.' });
      await setThreadReadOnly(tx, thread.id, 'The contract ended on 1 March.');
    });

    const refused = await freelancer.http.post(`/api/threads/${thread.id}/messages`, { text: 'One more thing' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('invalid_state');
    expect(refused.body.detail).toContain('read-only');
    expect(refused.body.detail).toContain('The contract ended on 1 March.');
    expect((await freelancer.http.post(`/api/threads/${thread.id}/typing`)).status).toBe(409);

    const page = await freelancer.http.get(`/api/threads/${thread.id}/messages`);
    expect(page.status).toBe(200);
    expect(page.body.items.map((m: { text: string; kind: string }) => [m.kind, m.text])).toEqual([
      ['user', 'Thanks for the great work!'],
      ['system', 'The contract ended.'],
    ]);
    expect(page.body.items[1].sender).toBeNull();
    const detail = await freelancer.http.get(`/api/threads/${thread.id}`);
    expect(detail.body).toMatchObject({
      state: 'read_only',
      readOnlyReason: 'The contract ended on 1 March.',
      canPost: false,
    });
    // Reading still records receipts.
    const read = await freelancer.http.post(`/api/threads/${thread.id}/read`, { upToMessageId: page.body.items[1].id });
    expect(read.status).toBe(200);
  });
});

describe('read receipts', () => {
  test('the sender sees "Seen" once the other marks the thread read; unread counts follow', async () => {
    t.clock.freeze();
    const { thread, client, freelancer } = await aConversation(t);
    const a = (await client.http.post(`/api/threads/${thread.id}/messages`, { text: 'First' })).body;
    const b = (await client.http.post(`/api/threads/${thread.id}/messages`, { text: 'Second' })).body;
    const c = (await client.http.post(`/api/threads/${thread.id}/messages`, { text: 'Third' })).body;

    const unread = await freelancer.http.get('/api/threads');
    expect(unread.body.items[0]).toMatchObject({ id: thread.id, unreadCount: 3 });
    expect((await client.http.get('/api/threads')).body.items[0].unreadCount).toBe(0);

    t.clock.advance(60_000);
    const readAt = t.clock.now().toISOString();
    const marked = await freelancer.http.post(`/api/threads/${thread.id}/read`, { upToMessageId: b.id });
    expect(marked.status).toBe(200);
    expect(marked.body.receipts).toContainEqual(
      expect.objectContaining({ userId: freelancer.id, lastReadMessageId: b.id }),
    );

    const bySender = await client.http.get(`/api/threads/${thread.id}/messages`);
    const readBy = Object.fromEntries(
      bySender.body.items.map((m: { id: string; readBy: unknown }) => [m.id, m.readBy]),
    );
    expect(readBy[a.id]).toEqual([{ userId: freelancer.id, readAt }]);
    expect(readBy[b.id]).toEqual([{ userId: freelancer.id, readAt }]);
    expect(readBy[c.id]).toEqual([]);
    expect((await freelancer.http.get('/api/threads')).body.items[0].unreadCount).toBe(1);

    // Marking an older message read changes nothing; the first reading time stays.
    t.clock.advance(60_000);
    await freelancer.http.post(`/api/threads/${thread.id}/read`, { upToMessageId: a.id });
    const detail = await client.http.get(`/api/threads/${thread.id}`);
    expect(detail.body.participants.find((p: { userId: string }) => p.userId === freelancer.id)).toMatchObject({
      lastReadMessageId: b.id,
      lastReadAt: readAt,
    });

    // Replying reads everything before the reply.
    await freelancer.http.post(`/api/threads/${thread.id}/messages`, { text: 'Got it' });
    const after = await client.http.get(`/api/threads/${thread.id}/messages`);
    expect(after.body.items[2].readBy).toHaveLength(1);
    expect(after.body.items[0].readBy).toEqual([{ userId: freelancer.id, readAt }]);
    expect((await freelancer.http.get('/api/threads')).body.items[0].unreadCount).toBe(0);

    const other = await aConversation(t);
    const foreign = await freelancer.http.post(`/api/threads/${thread.id}/read`, {
      upToMessageId: (await other.client.http.post(`/api/threads/${other.thread.id}/messages`, { text: 'x' })).body.id,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].field).toBe('upToMessageId');
  });
});

describe('notifications', () => {
  test('the recipient is notified once per unread stretch, not once per message', async () => {
    const { thread, client, freelancer } = await aConversation(t);
    const messageNotifications = async () =>
      (await freelancer.http.get('/api/notifications')).body.items.filter(
        (n: { kind: string }) => n.kind === 'message.received',
      );
    await client.http.post(`/api/threads/${thread.id}/messages`, { text: 'One' });
    await client.http.post(`/api/threads/${thread.id}/messages`, { text: 'Two' });
    const first = await messageNotifications();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({
      title: `New message from ${client.name}`,
      body: 'One',
      link: `/messages/${thread.id}`,
    });
    expect(
      (await client.http.get('/api/notifications')).body.items.filter(
        (n: { kind: string }) => n.kind === 'message.received',
      ),
    ).toEqual([]);

    const page = await freelancer.http.get(`/api/threads/${thread.id}/messages`);
    await freelancer.http.post(`/api/threads/${thread.id}/read`, { upToMessageId: page.body.items[1].id });
    await client.http.post(`/api/threads/${thread.id}/messages`, { text: 'Three' });
    expect(await messageNotifications()).toHaveLength(2);
  });
});
