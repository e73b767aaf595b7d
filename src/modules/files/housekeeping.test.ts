import fs from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inTransaction } from '../../db/transaction.ts';
import { HOUR } from '../../platform/clock.ts';
import { makeCtx } from '../../server/context.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { attachFile } from './attach-file.ts';
import { blobPath } from './blob-store.ts';
import { blobsOnDiskCheck } from './blobs-on-disk-check.ts';
import { removeUnattachedFiles } from './remove-unattached-files.ts';
import { storedFiles } from './tables.ts';
import { aPerson, uploadForm as form, registerTestKinds } from './test-support.ts';

registerTestKinds();

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('housekeeping', () => {
  test('unattached files are removed after a day, their blob only when no other upload uses it', async () => {
    const person = await aPerson(t);
    const keptContent = `kept ${Math.random()}`;
    const sharedContent = `shared ${Math.random()}`;
    const abandoned = await person.client.post('/api/files', form(`abandoned ${Math.random()}`, 'a.txt', 'text/plain'));
    const sharedAbandoned = await person.client.post('/api/files', form(sharedContent, 's.txt', 'text/plain'));
    const kept = await person.client.post('/api/files', form(keptContent, 'k.txt', 'text/plain'));
    await inTransaction(t.services.db, (tx) =>
      attachFile(tx, {
        fileId: kept.body.id,
        ownerKind: 'test-folder',
        ownerId: crypto.randomUUID(),
        uploadedBy: person.id,
      }),
    );
    t.clock.advance(25 * HOUR);
    // A fresh upload of the same bytes as an expiring one keeps that blob alive.
    const sharedFresh = await person.client.post('/api/files', form(sharedContent, 's2.txt', 'text/plain'));

    const result = await removeUnattachedFiles(makeCtx(t.services, null, 'test'));
    expect(result.processed).toBeGreaterThanOrEqual(2);
    expect((await person.client.get(abandoned.body.url)).status).toBe(404);
    expect((await person.client.get(sharedAbandoned.body.url)).status).toBe(404);
    await expect(fs.access(blobPath(t.dataDir, abandoned.body.sha256))).rejects.toThrow();
    expect((await person.client.get(sharedFresh.body.url)).text).toBe(sharedContent);
    expect((await person.client.get(kept.body.url)).text).toBe(keptContent);
    expect((await removeUnattachedFiles(makeCtx(t.services, null, 'test'))).processed).toBe(0);
  });

  test('verify finds blobs that are missing, truncated or corrupted', async () => {
    const verify = () => inTransaction(t.services.db, (tx) => blobsOnDiskCheck.run(tx, t.services));
    expect(await verify()).toEqual([]);

    const person = await aPerson(t);
    const res = await person.client.post('/api/files', form(`to be damaged ${Math.random()}`, 'd.txt', 'text/plain'));
    const blob = blobPath(t.dataDir, res.body.sha256);
    await fs.writeFile(blob, 'x'.repeat(res.body.sizeBytes)); // same size, other bytes
    expect(await verify()).toContainEqual({
      subject: `blob ${res.body.sha256}`,
      message: expect.stringContaining('hashes to'),
    });
    await fs.writeFile(blob, 'short');
    expect(await verify()).toContainEqual({
      subject: `blob ${res.body.sha256}`,
      message: expect.stringContaining('on disk'),
    });
    await fs.rm(blob);
    expect(await verify()).toEqual([{ subject: `blob ${res.body.sha256}`, message: 'missing from disk' }]);
    await t.services.db.delete(storedFiles).where(eq(storedFiles.id, res.body.id));
  });
});
