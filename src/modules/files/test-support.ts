import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { TestApp } from '../../test/harness.ts';
import type { TestClient } from '../../test/http.ts';
import { createAccount } from '../accounts/create-account.ts';
import { startSession } from '../accounts/sessions.ts';
import { registerFileAccess } from './file-access.ts';

/** Test-only helpers for the file store's tests. */

// A kind as a later module would declare it: files of a "shared folder" are readable by its members.
export const folderMembers = new Map<string, Set<string>>();

export function registerTestKinds(): void {
  registerFileAccess('test-folder', async (ctx, file) =>
    Boolean(ctx.actor && file.ownerId && folderMembers.get(file.ownerId)?.has(ctx.actor.userId)),
  );
  registerFileAccess('test-private', async () => false);
}

export interface Person {
  id: string;
  cookie: string;
  client: TestClient;
}

/** A signed-in user made through the accounts services (no sign-up rate limit in the way). */
export async function aPerson(app: TestApp): Promise<Person> {
  const account = await createAccount(app.services, {
    email: `p-${Math.random().toString(36).slice(2)}@example.test`,
    password: 'correct horse battery staple',
    displayName: 'Pat',
    role: 'freelancer',
  });
  const session = await startSession(app.services.db, app.services, {
    userId: account.id,
    client: { userAgent: null, ip: null },
  });
  const cookie = `wr_session=${session.token}`;
  return { id: account.id, cookie, client: app.client().withHeaders({ cookie }) };
}

export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
  Buffer.from(`unique ${Math.random()}`),
]);

/** The multipart body the web app sends. */
export function uploadForm(
  bytes: Buffer | string,
  name: string,
  type: string,
  purpose: string | null = 'test-folder',
): FormData {
  const body = new FormData();
  if (purpose !== null) body.append('purpose', purpose);
  body.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type }), name);
  return body;
}

/** Every file under the data dir's file store, temporary ones included. */
export async function filesOnDisk(app: TestApp): Promise<string[]> {
  const root = path.join(app.dataDir, 'files');
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

export const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
