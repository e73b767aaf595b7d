import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inTransaction } from '../../db/transaction.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { anUpload, aPerson } from '../messages/test-support.ts';
import { pdfText } from '../records/pdf-text.test-support.ts';
import { appendRecordEntry } from './append-record-entry.ts';
import { sha256Hex } from './canonical.ts';
import { aContract, type TestContract } from './test-support.ts';

const bin = path.resolve(import.meta.dirname, '../../../bin/workroom.js');
let t: TestApp;
let dir: string;
let contract: TestContract;
let attachment: { id: string; sha256: string; sizeBytes: number };
const messageText = 'Here is the signed-off scope for step 1, as agreed on the call.';

beforeAll(async () => {
  t = await startTestApp();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'workroom-record-'));
  contract = await aContract(t);
  attachment = await anUpload(contract.client, 'scope v3: shipping, payment, review', 'scope.txt');
  const posted = await contract.client.http.post(`/api/threads/${contract.thread.id}/messages`, {
    text: messageText,
    fileIds: [attachment.id],
  });
  expect(posted.status).toBe(201);
  await inTransaction(t.services.db, (tx) =>
    appendRecordEntry(tx, t.services.clock, {
      contractId: contract.id,
      kind: 'milestone.approved',
      actorId: contract.client.id,
      summary: 'Milestone 1 approved: $450.00 released',
      data: { milestoneId: contract.milestoneIds[0], amountCents: 45_000, currency: 'USD' },
    }),
  );
});
afterAll(async () => {
  await t.close();
  await fs.rm(dir, { recursive: true, force: true });
});

function recordVerify(file: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    // No DATABASE_URL or anything else: the check is offline.
    const child = spawn(process.execPath, [bin, 'record', 'verify', file], {
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('reading and exporting the record', () => {
  test('a message in the contract thread is recorded with the hashes of its text and attachments', async () => {
    const res = await contract.freelancer.http.get(`/api/contracts/${contract.id}/record`);
    expect(res.status).toBe(200);
    const message = res.body.items.find((entry: { kind: string }) => entry.kind === 'message.posted');
    expect(message).toMatchObject({
      seq: 3,
      actor: { userId: contract.client.id, name: contract.client.name },
      summary: `Message: “${messageText}” (1 attachment)`,
      data: {
        textSha256: sha256Hex(messageText),
        files: [{ id: attachment.id, name: 'scope.txt', sha256: attachment.sha256, sizeBytes: attachment.sizeBytes }],
      },
    });
    expect(res.body.contract).toMatchObject({
      id: contract.id,
      termsVersion: 1,
      client: { userId: contract.client.id },
      freelancer: { userId: contract.freelancer.id },
    });
    expect(res.body.head).toEqual({ seq: 4, hash: res.body.items[3].hash });
  });

  test('pages follow the seq', async () => {
    const first = await contract.client.http.get(`/api/contracts/${contract.id}/record?limit=3`);
    expect(first.body.items.map((entry: { seq: number }) => entry.seq)).toEqual([1, 2, 3]);
    expect(first.body.nextAfter).toBe(3);
    const second = await contract.client.http.get(`/api/contracts/${contract.id}/record?limit=3&after=3`);
    expect(second.body.items.map((entry: { seq: number }) => entry.seq)).toEqual([4]);
    expect(second.body.nextAfter).toBeNull();
  });

  test('the JSON export verifies offline, and one altered byte is named with its entry', async () => {
    const res = await contract.freelancer.http.get(`/api/contracts/${contract.id}/record/export.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="workroom-record-.*\.json"$/);
    expect(res.body).toMatchObject({
      format: 'workroom-record/1',
      contract: { id: contract.id, parties: { client: { name: contract.client.name } } },
      files: [{ id: attachment.id, sha256: attachment.sha256 }],
    });
    expect(res.body.entries).toHaveLength(4);
    const good = path.join(dir, 'record.json');
    await fs.writeFile(good, res.text);
    const verified = await recordVerify(good);
    expect(verified.output.trim()).toBe(`Record verified: 4 entries, head ${res.body.head.hash}`);
    expect(verified.code).toBe(0);

    // One byte of the approval's summary: $450.00 becomes $950.00.
    const at = res.text.indexOf('$450.00');
    const altered = `${res.text.slice(0, at + 1)}9${res.text.slice(at + 2)}`;
    expect(Buffer.byteLength(altered)).toBe(Buffer.byteLength(res.text));
    const bad = path.join(dir, 'altered.json');
    await fs.writeFile(bad, altered);
    const refused = await recordVerify(bad);
    expect(refused.output).toContain('Record NOT verified: entry 4 (milestone.approved) was altered');
    expect(refused.output).toContain('First altered entry: seq 4');
    expect(refused.code).toBe(1);
  });

  test("a changed file hash in the export's files list is caught too", async () => {
    const res = await contract.client.http.get(`/api/contracts/${contract.id}/record/export.json`);
    const document = JSON.parse(res.text);
    document.files[0].sha256 = sha256Hex('other bytes');
    const file = path.join(dir, 'files.json');
    await fs.writeFile(file, JSON.stringify(document, null, 2));
    const refused = await recordVerify(file);
    expect(refused.output).toContain(`the files list was altered: file ${attachment.id} has sha256`);
    expect(refused.output).toContain('(recorded by entry 3)');
    expect(refused.code).toBe(1);
  });

  test('the PDF shows the parties, the terms version and every entry with its hash prefix', async () => {
    const res = await fetch(`${t.baseUrl}/api/contracts/${contract.id}/record/export.pdf`, {
      headers: { cookie: contract.client.cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    const text = pdfText(pdf);
    const json = await contract.client.http.get(`/api/contracts/${contract.id}/record/export.json`);
    for (const expected of [
      `Client: ${contract.client.name}`,
      `Freelancer: ${contract.freelancer.name}`,
      'Terms version in force: 1',
      'Milestone 1 approved: $450.00 released',
      json.body.entries[3].hash.slice(0, 16),
    ]) {
      expect(text.replaceAll('\n', '')).toContain(expected);
    }
  });

  test('a stranger can neither read nor export the record; an operator reads but does not export', async () => {
    const stranger = await aPerson(t, 'client');
    for (const suffix of ['', '/export.json', '/export.pdf']) {
      expect((await stranger.http.get(`/api/contracts/${contract.id}/record${suffix}`)).status).toBe(404);
    }
    const operator = await aPerson(t, 'operator');
    expect((await operator.http.get(`/api/contracts/${contract.id}/record`)).status).toBe(200);
    expect((await operator.http.get(`/api/contracts/${contract.id}/record/export.json`)).status).toBe(403);
  });
});
