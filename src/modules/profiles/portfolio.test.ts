import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { aClient, aFreelancer } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { TestClient } from '../../test/http.ts';
import { limits } from './limits.ts';
import { aFreelancerWithProfile } from './test-factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_AUTH_PER_MINUTE: '1000' });
});
afterAll(async () => {
  await t.close();
});

const PORTFOLIO = '/api/profiles/freelancer/me/portfolio';

/** A tiny valid PNG (signature + IHDR), unique per call so uploads are distinct. */
function pngForm(name = 'shot.png'): FormData {
  const bytes = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
    Buffer.from(`portfolio ${Math.random()}`),
  ]);
  const body = new FormData();
  body.append('purpose', 'portfolio');
  body.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), name);
  return body;
}

async function upload(http: TestClient): Promise<string> {
  const res = await http.post('/api/files', pngForm());
  if (res.status !== 201) throw new Error(`Upload failed (${res.status}): ${res.text}`);
  return res.body.id;
}

const publicPortfolio = async (userId: string) => (await t.client().get(`/api/freelancers/${userId}`)).body.portfolio;

describe('portfolio', () => {
  test('a freelancer adds, edits and removes items, and the public profile follows', async () => {
    const { http, user } = await aFreelancerWithProfile(t);
    const first = await http.post(PORTFOLIO, {
      title: '  Checkout redesign ',
      description: 'Cut abandonment by 18%.',
      url: 'https://example.com/case/checkout',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      title: 'Checkout redesign',
      description: 'Cut abandonment by 18%.',
      url: 'https://example.com/case/checkout',
      file: null,
    });
    const second = await http.post(PORTFOLIO, { title: 'Design system', url: '' });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ description: '', url: null });

    expect((await publicPortfolio(user.id)).map((item: { title: string }) => item.title)).toEqual([
      'Checkout redesign',
      'Design system',
    ]);

    const edited = await http.patch(`${PORTFOLIO}/${first.body.id}`, { title: 'Checkout v2', url: null });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Checkout v2', description: 'Cut abandonment by 18%.', url: null });

    expect((await http.delete(`${PORTFOLIO}/${second.body.id}`)).status).toBe(204);
    const after = await publicPortfolio(user.id);
    expect(after).toEqual([edited.body]);
    expect((await http.get('/api/profiles/freelancer/me')).body.portfolio).toEqual([edited.body]);
  });

  test('another freelancer cannot edit or delete the item (404), nor can a client (403)', async () => {
    const owner = await aFreelancerWithProfile(t);
    const item = (await owner.http.post(PORTFOLIO, { title: 'Mine', url: 'https://example.com' })).body;
    const other = await aFreelancerWithProfile(t);
    expect((await other.http.patch(`${PORTFOLIO}/${item.id}`, { title: 'Stolen' })).status).toBe(404);
    expect((await other.http.delete(`${PORTFOLIO}/${item.id}`)).status).toBe(404);
    const client = await aClient(t);
    expect((await client.http.patch(`${PORTFOLIO}/${item.id}`, { title: 'Stolen' })).status).toBe(403);
    expect((await t.client().delete(`${PORTFOLIO}/${item.id}`)).status).toBe(401);
    expect(await publicPortfolio(owner.user.id)).toEqual([item]);
  });

  test('links must be http(s) and fields are bounded', async () => {
    const { http } = await aFreelancerWithProfile(t);
    for (const url of ['javascript:alert(1)', 'ftp://example.com/x', 'not a url', 'data:text/html,hi']) {
      const res = await http.post(PORTFOLIO, { title: 'Bad link', url });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('url');
    }
    const longTitle = await http.post(PORTFOLIO, { title: 't'.repeat(limits.portfolioTitleMax + 1) });
    expect(longTitle.body.errors[0].field).toBe('title');
    const noTitle = await http.post(PORTFOLIO, { title: ' ' });
    expect(noTitle.body.errors[0].field).toBe('title');
  });

  test('the profile must be saved before adding items', async () => {
    const { http } = await aFreelancer(t);
    const res = await http.post(PORTFOLIO, { title: 'Too early' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('invalid_state');
  });

  test(`a portfolio holds at most ${limits.portfolioItemsMax} items`, async () => {
    const { http } = await aFreelancerWithProfile(t);
    for (let i = 0; i < limits.portfolioItemsMax; i++) {
      expect((await http.post(PORTFOLIO, { title: `Item ${i}` })).status).toBe(201);
    }
    const extra = await http.post(PORTFOLIO, { title: 'One too many' });
    expect(extra.status).toBe(409);
    expect(extra.body.detail).toContain(String(limits.portfolioItemsMax));
  });

  test('an uploaded file becomes public with the item, and private again when replaced', async () => {
    const owner = await aFreelancerWithProfile(t);
    const fileId = await upload(owner.http);
    // Before it is attached, only the uploader can download it.
    expect((await t.client().get(`/api/files/${fileId}`)).status).toBe(404);

    const item = await owner.http.post(PORTFOLIO, { title: 'Screenshot', fileId });
    expect(item.status).toBe(201);
    expect(item.body.file).toEqual({
      id: fileId,
      url: `/api/files/${fileId}`,
      contentType: 'image/png',
      name: 'shot.png',
    });
    expect((await publicPortfolio(owner.user.id))[0].file.id).toBe(fileId);
    const download = await t.client().get(`/api/files/${fileId}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');

    const replacement = await upload(owner.http);
    const replaced = await owner.http.patch(`${PORTFOLIO}/${item.body.id}`, { fileId: replacement });
    expect(replaced.body.file.id).toBe(replacement);
    expect((await t.client().get(`/api/files/${fileId}`)).status).toBe(404);
    expect((await t.client().get(`/api/files/${replacement}`)).status).toBe(200);

    expect((await owner.http.delete(`${PORTFOLIO}/${item.body.id}`)).status).toBe(204);
    expect((await t.client().get(`/api/files/${replacement}`)).status).toBe(404);
  });

  test("a freelancer cannot attach someone else's upload", async () => {
    const owner = await aFreelancerWithProfile(t);
    const fileId = await upload(owner.http);
    const other = await aFreelancerWithProfile(t);
    const res = await other.http.post(PORTFOLIO, { title: 'Not mine', fileId });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('fileId');
    expect(await publicPortfolio(other.user.id)).toEqual([]);
    // The file is still free for its uploader to use.
    expect((await owner.http.post(PORTFOLIO, { title: 'Mine', fileId })).status).toBe(201);
  });
});
