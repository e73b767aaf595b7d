import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { storedFiles } from './tables.ts';
import { aPerson, filesOnDisk, uploadForm as form, registerTestKinds } from './test-support.ts';

registerTestKinds();

let t: TestApp;
let small: TestApp; // MAX_UPLOAD_MB=1

beforeAll(async () => {
  t = await startTestApp();
  small = await startTestApp({ MAX_UPLOAD_MB: '1' });
});
afterAll(async () => {
  await t.close();
  await small.close();
});

describe('refused uploads', () => {
  test('a file over the size limit is a 413 and leaves nothing on disk or in the database', async () => {
    const person = await aPerson(small);
    // Just over the limit, within the framing allowance: refused while streaming, not up front.
    const big = Buffer.alloc(1024 * 1024 + 20 * 1024, 'a');
    const res = await person.client.post('/api/files', form(big, 'big.txt', 'text/plain'));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'payload_too_large', errors: [{ field: 'file' }] });
    expect(res.body.detail).toContain('1 MB');

    // Announced as far too large: refused before reading the body.
    const huge = await person.client.post(
      '/api/files',
      form(Buffer.alloc(3 * 1024 * 1024, 'b'), 'huge.txt', 'text/plain'),
    );
    expect(huge.status).toBe(413);

    expect(await filesOnDisk(small)).toEqual([]);
    expect(await small.services.db.select().from(storedFiles)).toEqual([]);
    // Just under the limit still works.
    const fits = await person.client.post('/api/files', form(Buffer.alloc(1000 * 1024, 'c'), 'fits.txt', 'text/plain'));
    expect(fits.status).toBe(201);
  });

  test('a type outside the list is a 415, whatever the browser claims', async () => {
    const person = await aPerson(t);
    const before = await filesOnDisk(t);
    const refusals = [
      form('<html><script>alert(1)</script></html>', 'page.html', 'text/html'),
      form('not really an image', 'cat.png', 'image/png'),
      form(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]), 'setup.exe', 'application/octet-stream'),
      form('<svg xmlns="http://www.w3.org/2000/svg"/>', 'logo.svg', 'image/svg+xml'),
      // Refused from its first bytes, while the rest is still arriving.
      form(Buffer.alloc(5 * 1024 * 1024, 0), 'disk.img', 'application/octet-stream'),
    ];
    for (const body of refusals) {
      const res = await person.client.post('/api/files', body);
      expect(res.status).toBe(415);
      expect(res.body.code).toBe('unsupported_media_type');
    }
    expect(await filesOnDisk(t)).toEqual(before);
  });

  test('the purpose must be a registered kind, and a file is required', async () => {
    const person = await aPerson(t);
    const missing = await person.client.post('/api/files', form('x', 'x.txt', 'text/plain', null));
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe('purpose');
    const unknown = await person.client.post('/api/files', form('x', 'x.txt', 'text/plain', 'nonsense'));
    expect(unknown.body.errors[0].field).toBe('purpose');
    const noFile = new FormData();
    noFile.append('purpose', 'test-folder');
    expect((await person.client.post('/api/files', noFile)).body.errors[0].field).toBe('file');
    const empty = await person.client.post('/api/files', form('', 'empty.txt', 'text/plain'));
    expect(empty.status).toBe(400);
  });

  test('the OpenAPI document describes both routes', async () => {
    const spec = (await t.client().get('/openapi.json')).body;
    expect(spec.paths['/api/files'].post.requestBody.content['multipart/form-data']).toBeDefined();
    expect(spec.paths['/api/files'].post.responses['201']).toBeDefined();
    expect(spec.paths['/api/files/{id}'].get.responses['200'].content['application/octet-stream']).toBeDefined();
  });

  test('uploading needs a signed-in user', async () => {
    const res = await t.client().post('/api/files', form('x', 'x.txt', 'text/plain'));
    expect(res.status).toBe(401);
  });
});
