import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inTransaction } from '../../db/transaction.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { attachFile } from './attach-file.ts';
import { blobPath } from './blob-store.ts';
import { storedFiles } from './tables.ts';
import {
  aPerson,
  filesOnDisk,
  folderMembers,
  uploadForm as form,
  PNG,
  registerTestKinds,
  sha256,
} from './test-support.ts';

registerTestKinds();

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('uploading and downloading', () => {
  test('the uploader gets the file back, typed by its bytes, with safe download headers', async () => {
    const owner = await aPerson(t);
    const res = await owner.client.post('/api/files', form(PNG, 'C:\\photos\\me.png', 'application/octet-stream'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      sha256: sha256(PNG),
      sizeBytes: PNG.length,
      contentType: 'image/png',
      name: 'me.png',
      url: `/api/files/${res.body.id}`,
    });

    const download = await owner.client.get(res.body.url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('content-length')).toBe(String(PNG.length));
    expect(download.headers.get('etag')).toBe(`"${sha256(PNG)}"`);
    expect(download.headers.get('content-disposition')).toMatch(/^inline; filename="me.png"/);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    const bytes = Buffer.from(
      await (await fetch(t.baseUrl + res.body.url, { headers: { cookie: owner.cookie } })).arrayBuffer(),
    );
    expect(bytes.equals(PNG)).toBe(true);

    const again = await owner.client.get(res.body.url, { 'if-none-match': `"${sha256(PNG)}"` });
    expect(again.status).toBe(304);
    const head = await owner.client.request('HEAD', res.body.url);
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(PNG.length));
  });

  test('documents download as attachments, never inline', async () => {
    const owner = await aPerson(t);
    const pdf = await owner.client.post(
      '/api/files',
      form('%PDF-1.7\n%âãÏÓ\n1 0 obj\n', 'Contrat été.pdf', 'application/pdf'),
    );
    expect(pdf.status).toBe(201);
    expect(pdf.body.contentType).toBe('application/pdf');
    const download = await owner.client.get(pdf.body.url);
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="Contrat _t_.pdf"; filename*=UTF-8''${encodeURIComponent('Contrat été.pdf')}`,
    );
    const csv = await owner.client.post(
      '/api/files',
      form('hours,rate\n10,50\n', 'hours.csv', 'application/vnd.ms-excel'),
    );
    expect(csv.body.contentType).toBe('text/csv');
  });

  test('a stranger, or nobody signed in, cannot download an unattached file', async () => {
    const owner = await aPerson(t);
    const stranger = await aPerson(t);
    const res = await owner.client.post('/api/files', form('private notes', 'notes.txt', 'text/plain'));
    expect((await stranger.client.get(res.body.url)).status).toBe(404);
    expect((await t.client().get(res.body.url)).status).toBe(404);
    expect((await stranger.client.get('/api/files/not-an-id')).status).toBe(404);
  });

  test('once attached, the owning kind’s rule decides who else may download', async () => {
    const owner = await aPerson(t);
    const member = await aPerson(t);
    const outsider = await aPerson(t);
    const folderId = crypto.randomUUID();
    folderMembers.set(folderId, new Set([member.id]));
    const res = await owner.client.post('/api/files', form('shared plan', 'plan.md', 'text/markdown'));
    expect((await member.client.get(res.body.url)).status).toBe(404); // not attached yet

    await inTransaction(t.services.db, (tx) =>
      attachFile(tx, { fileId: res.body.id, ownerKind: 'test-folder', ownerId: folderId, uploadedBy: owner.id }),
    );
    const seen = await member.client.get(res.body.url);
    expect(seen.status).toBe(200);
    expect(seen.text).toBe('shared plan');
    expect((await outsider.client.get(res.body.url)).status).toBe(404);
    expect((await owner.client.get(res.body.url)).status).toBe(200);
  });

  test('only the uploader can attach their file, for the purpose it was uploaded for, to one object', async () => {
    const owner = await aPerson(t);
    const other = await aPerson(t);
    const res = await owner.client.post('/api/files', form('draft', 'draft.txt', 'text/plain', 'test-private'));
    const attach = (input: { ownerKind?: string; ownerId?: string; uploadedBy?: string }) =>
      inTransaction(t.services.db, (tx) =>
        attachFile(tx, {
          fileId: res.body.id,
          ownerKind: input.ownerKind ?? 'test-private',
          ownerId: input.ownerId ?? firstOwner,
          uploadedBy: input.uploadedBy ?? owner.id,
        }),
      );
    const firstOwner = crypto.randomUUID();
    await expect(attach({ uploadedBy: other.id })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(attach({ ownerKind: 'test-folder' })).rejects.toMatchObject({ code: 'validation_failed' });
    expect((await attach({})).ownerId).toBe(firstOwner);
    expect((await attach({})).ownerId).toBe(firstOwner); // again: a no-op
    await expect(attach({ ownerId: crypto.randomUUID() })).rejects.toMatchObject({
      code: 'validation_failed',
      fields: [{ field: 'fileId', message: expect.any(String) }],
    });
  });

  test('the same bytes uploaded twice are stored once, with a row for each upload', async () => {
    const first = await aPerson(t);
    const second = await aPerson(t);
    const content = `the same bytes ${Math.random()}`;
    const a = await first.client.post('/api/files', form(content, 'a.txt', 'text/plain'));
    const b = await second.client.post('/api/files', form(content, 'b.txt', 'text/plain'));
    expect(a.body.id).not.toBe(b.body.id);
    expect(a.body.sha256).toBe(b.body.sha256);
    const rows = await t.services.db
      .select()
      .from(storedFiles)
      .where(eq(storedFiles.sha256, sha256(content)));
    expect(rows.map((row) => row.uploadedBy).sort()).toEqual([first.id, second.id].sort());
    const onDisk = (await filesOnDisk(t)).filter((file) => path.basename(file) === sha256(content));
    expect(onDisk).toEqual([blobPath(t.dataDir, sha256(content))]);
    expect((await second.client.get(b.body.url)).text).toBe(content);
  });
});
