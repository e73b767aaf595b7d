import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

test('the message routes are documented with named schemas', async () => {
  const spec = (await t.client().get('/openapi.json')).body;
  for (const path of ['/api/threads', '/api/threads/{id}', '/api/threads/{id}/messages', '/api/threads/{id}/read']) {
    expect(spec.paths[path]).toBeDefined();
  }
  expect(spec.paths['/api/threads/{id}/messages'].patch).toBeUndefined();
  expect(spec.paths['/api/threads/{id}/messages'].delete).toBeUndefined();
  for (const name of [
    'Message',
    'MessagePage',
    'Thread',
    'ThreadList',
    'ThreadSummary',
    'ReadReceipts',
    'PostMessageRequest',
  ]) {
    expect(spec.components.schemas[name]).toBeDefined();
  }
});
