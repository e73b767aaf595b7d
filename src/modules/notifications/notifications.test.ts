import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inTransaction } from '../../db/transaction.ts';
import { liveHub } from '../../server/live.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { TestResponse } from '../../test/http.ts';
import { notify } from './notify.ts';
import { openEventStream } from './sse-reader.ts';
import { aNotification, aUser } from './test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('the notification list', () => {
  test('lists my notifications newest first, one page at a time, with the unread count', async () => {
    const me = await aUser(t);
    const titles: string[] = [];
    for (let i = 1; i <= 5; i++) {
      titles.push(`Event ${i}`);
      await aNotification(t, me.id, { title: `Event ${i}`, body: `Body ${i}`, link: `/things/${i}` });
      t.clock.advance(1000);
    }

    const first = await me.client.get('/api/notifications?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.unreadCount).toBe(5);
    expect(first.body.items.map((item: { title: string }) => item.title)).toEqual(['Event 5', 'Event 4']);
    expect(first.body.items[0]).toMatchObject({ kind: 'test.event', body: 'Body 5', link: '/things/5', readAt: null });
    expect(first.body.nextCursor).toEqual(expect.any(String));

    const second = await me.client.get(`/api/notifications?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((item: { title: string }) => item.title)).toEqual(['Event 3', 'Event 2']);
    const third = await me.client.get(`/api/notifications?limit=2&cursor=${second.body.nextCursor}`);
    expect(third.body.items.map((item: { title: string }) => item.title)).toEqual(['Event 1']);
    expect(third.body.nextCursor).toBeNull();
  });

  test('notifications created in the same millisecond are paged without loss or repeats', async () => {
    const me = await aUser(t);
    t.clock.freeze();
    for (let i = 0; i < 7; i++) await aNotification(t, me.id, { title: `Same time ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: TestResponse = await me.client.get(`/api/notifications?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  test('a bad cursor or page size is a 400 naming the field', async () => {
    const me = await aUser(t);
    const badCursor = await me.client.get('/api/notifications?cursor=not-a-cursor');
    expect(badCursor.status).toBe(400);
    expect(JSON.stringify(badCursor.body)).toContain('cursor');
    const badLimit = await me.client.get('/api/notifications?limit=1000');
    expect(badLimit.status).toBe(400);
    expect(JSON.stringify(badLimit.body)).toContain('limit');
  });

  test('nobody sees anyone else’s notifications', async () => {
    const me = await aUser(t);
    const other = await aUser(t, 'freelancer');
    await aNotification(t, other.id, { title: 'Private to the other user' });
    const list = await me.client.get('/api/notifications');
    expect(list.body.items).toEqual([]);
    expect(list.body.unreadCount).toBe(0);
  });

  test('anonymous callers are refused', async () => {
    const anonymous = t.client();
    expect((await anonymous.get('/api/notifications')).status).toBe(401);
    expect((await anonymous.get('/api/notifications/unread-count')).status).toBe(401);
    expect((await anonymous.get('/api/notifications/stream')).status).toBe(401);
    expect((await anonymous.post('/api/notifications/read-all')).status).toBe(401);
  });
});

describe('reading notifications', () => {
  test('marking one read lowers the unread count and keeps the first reading time', async () => {
    const me = await aUser(t);
    const id = await aNotification(t, me.id);
    await aNotification(t, me.id);
    expect((await me.client.get('/api/notifications/unread-count')).body).toEqual({ unreadCount: 2 });

    t.clock.advance(5000);
    const read = await me.client.post(`/api/notifications/${id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.id).toBe(id);
    expect(read.body.readAt).toBe(t.clock.now().toISOString());
    expect((await me.client.get('/api/notifications/unread-count')).body).toEqual({ unreadCount: 1 });

    t.clock.advance(5000);
    const again = await me.client.post(`/api/notifications/${id}/read`);
    expect(again.body.readAt).toBe(read.body.readAt);
  });

  test('another user’s notification is a 404 and stays unread', async () => {
    const me = await aUser(t);
    const owner = await aUser(t);
    const id = await aNotification(t, owner.id);
    const res = await me.client.post(`/api/notifications/${id}/read`);
    expect(res.status).toBe(404);
    expect((await owner.client.get('/api/notifications/unread-count')).body.unreadCount).toBe(1);
  });

  test('read-all clears only my unread notifications', async () => {
    const me = await aUser(t);
    const other = await aUser(t);
    await aNotification(t, me.id);
    await aNotification(t, me.id);
    await aNotification(t, other.id);
    const res = await me.client.post('/api/notifications/read-all');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ unreadCount: 0 });
    const list = await me.client.get('/api/notifications');
    expect(list.body.items.every((item: { readAt: string | null }) => item.readAt !== null)).toBe(true);
    expect((await other.client.get('/api/notifications/unread-count')).body.unreadCount).toBe(1);
  });

  test('a notification whose transaction rolls back never existed', async () => {
    const me = await aUser(t);
    await expect(
      inTransaction(t.services.db, async (tx) => {
        await notify(tx, t.services.clock, { userId: me.id, kind: 'test.event', title: 'Rolled back' });
        throw new Error('the business change failed');
      }),
    ).rejects.toThrow('the business change failed');
    expect((await me.client.get('/api/notifications')).body.items).toEqual([]);
  });
});

describe('the live stream', () => {
  test('sends the unread count on connect, then each new notification to its user only', async () => {
    const me = await aUser(t);
    const other = await aUser(t);
    await aNotification(t, me.id, { title: 'Before connecting' });
    const mine = await openEventStream(`${t.baseUrl}/api/notifications/stream`, { cookie: me.cookie });
    const theirs = await openEventStream(`${t.baseUrl}/api/notifications/stream`, { cookie: other.cookie });
    try {
      expect(mine.status).toBe(200);
      expect(mine.headers.get('content-type')).toContain('text/event-stream');
      expect(await mine.next()).toEqual({ event: 'unread', data: { unreadCount: 1 } });
      expect(await theirs.next()).toEqual({ event: 'unread', data: { unreadCount: 0 } });

      const id = await aNotification(t, me.id, { title: 'Live one', body: 'Pushed', link: '/x' });
      const pushed = await mine.next();
      expect(pushed.event).toBe('notification');
      expect(pushed.data).toMatchObject({
        notification: { id, title: 'Live one', body: 'Pushed', link: '/x', readAt: null },
        unreadCount: 2,
      });

      await me.client.post('/api/notifications/read-all');
      expect(await mine.next()).toEqual({ event: 'unread', data: { unreadCount: 0 } });
      expect(await theirs.drain(300)).toEqual([]);
    } finally {
      await mine.close();
      await theirs.close();
    }
  });

  test('a rolled-back notification is never pushed', async () => {
    const me = await aUser(t);
    const stream = await openEventStream(`${t.baseUrl}/api/notifications/stream`, { cookie: me.cookie });
    try {
      await stream.next();
      await inTransaction(t.services.db, async (tx) => {
        await notify(tx, t.services.clock, { userId: me.id, kind: 'test.event', title: 'Rolled back' });
        throw new Error('abort');
      }).catch(() => {});
      expect(await stream.drain(300)).toEqual([]);
    } finally {
      await stream.close();
    }
  });

  test('a closed stream stops its subscription', async () => {
    const me = await aUser(t);
    const hub = liveHub(t.services);
    const before = hub.subscriberCount;
    const stream = await openEventStream(`${t.baseUrl}/api/notifications/stream`, { cookie: me.cookie });
    await stream.next();
    expect(hub.subscriberCount).toBe(before + 1);
    await stream.close();
    await expect.poll(() => hub.subscriberCount, { timeout: 2000 }).toBe(before);
  });

  test('events still arrive after the listening database connection is killed', async () => {
    const me = await aUser(t);
    const stream = await openEventStream(`${t.baseUrl}/api/notifications/stream`, { cookie: me.cookie });
    try {
      await stream.next();
      await t.services.db.execute(
        sql`select pg_terminate_backend(pid) from pg_stat_activity
            where datname = current_database() and query ilike 'listen %' and pid <> pg_backend_pid()`,
      );
      // After reconnecting the hub resyncs its subscribers with a fresh unread count.
      expect(await stream.next(5000)).toEqual({ event: 'unread', data: { unreadCount: 0 } });
      const id = await aNotification(t, me.id, { title: 'After the reconnect' });
      expect(await stream.next(5000)).toMatchObject({ event: 'notification', data: { notification: { id } } });
    } finally {
      await stream.close();
    }
  });
  test('shutting the app down ends open streams instead of waiting for them', async () => {
    const other = await startTestApp();
    try {
      const me = await aUser(other);
      const stream = await openEventStream(`${other.baseUrl}/api/notifications/stream`, { cookie: me.cookie });
      await stream.next();
      await other.app.close();
      await expect.poll(() => stream.ended, { timeout: 2000 }).toBe(true);
      await stream.close();
    } finally {
      await other.close();
    }
  });
});
