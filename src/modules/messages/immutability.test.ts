import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { aConversation, anUpload } from './test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('messages are immutable', () => {
  test('there is no route to edit or delete a message', async () => {
    const { thread, client } = await aConversation(t);
    const sent = await client.http.post(`/api/threads/${thread.id}/messages`, { text: 'Final price: $900' });
    const path = `/api/threads/${thread.id}/messages/${sent.body.id}`;
    expect((await client.http.patch(path, { text: 'Final price: $90' })).status).toBe(404);
    expect((await client.http.put(path, { text: 'Final price: $90' })).status).toBe(404);
    expect((await client.http.delete(path)).status).toBe(404);
  });

  test('the database refuses UPDATE, DELETE and TRUNCATE, even in raw SQL', async () => {
    const { thread, client, freelancer } = await aConversation(t);
    const upload = await anUpload(client, 'scope.txt content');
    const sent = await client.http.post(`/api/threads/${thread.id}/messages`, {
      text: 'Final price: $900',
      fileIds: [upload.id],
    });
    await freelancer.http.post(`/api/threads/${thread.id}/read`, { upToMessageId: sent.body.id });
    const id = sent.body.id as string;
    const refused = [
      sql`update messages set text = 'Final price: $90' where id = ${id}`,
      sql`update messages set sender_id = ${freelancer.id} where id = ${id}`,
      sql`update messages set created_at = now() where id = ${id}`,
      sql`delete from messages where id = ${id}`,
      sql`truncate messages cascade`,
      sql`delete from message_attachments where message_id = ${id}`,
      sql`update message_attachments set file_id = file_id where message_id = ${id}`,
      sql`delete from message_read_marks where up_to_message_id = ${id}`,
      sql`delete from message_threads where id = ${thread.id}`,
      sql`update message_threads set context_id = 'elsewhere' where id = ${thread.id}`,
      sql`update thread_participants set last_read_seq = 0 where thread_id = ${thread.id}`,
    ];
    for (const statement of refused) {
      await expect(t.services.db.execute(statement)).rejects.toMatchObject({
        cause: expect.objectContaining({ code: '23000' }),
      });
    }
    const page = await freelancer.http.get(`/api/threads/${thread.id}/messages`);
    expect(page.body.items).toEqual([
      expect.objectContaining({ id, text: 'Final price: $900', sender: expect.objectContaining({ id: client.id }) }),
    ]);
    expect(page.body.items[0].attachments).toHaveLength(1);
    expect(page.body.items[0].readBy).toHaveLength(1);
  });
});
