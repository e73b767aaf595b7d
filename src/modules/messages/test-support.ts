import { inTransaction } from '../../db/transaction.ts';
import { SESSION_COOKIE } from '../../server/auth.ts';
import type { TestApp } from '../../test/harness.ts';
import type { TestClient } from '../../test/http.ts';
import { aSignedInUser } from '../accounts/test-factories.ts';
import { type ContextKind, directContextId, type MessageThread, openThread } from './index.ts';

export interface Person {
  id: string;
  name: string;
  http: TestClient;
  cookie: string;
}

export async function aPerson(t: TestApp, role: 'client' | 'freelancer' | 'operator' = 'client'): Promise<Person> {
  const { account, client, sessionToken } = await aSignedInUser(t, { role });
  return { id: account.id, name: account.displayName, http: client, cookie: `${SESSION_COOKIE}=${sessionToken}` };
}

/** A client and a freelancer in a freshly opened thread, the way the hiring module opens one. */
export async function aConversation(
  t: TestApp,
  options: { contextKind?: ContextKind; contextId?: string; subject?: string } = {},
): Promise<{ thread: MessageThread; client: Person; freelancer: Person }> {
  const client = await aPerson(t, 'client');
  const freelancer = await aPerson(t, 'freelancer');
  const thread = await inTransaction(t.services.db, (tx) =>
    openThread(tx, t.services.clock, {
      contextKind: options.contextKind ?? 'direct',
      contextId: options.contextId ?? directContextId(client.id, freelancer.id),
      participants: [
        { userId: client.id, role: 'client' },
        { userId: freelancer.id, role: 'freelancer' },
      ],
      subject: options.subject ?? 'Landing page rebuild',
      openedBy: client.id,
    }),
  );
  return { thread, client, freelancer };
}

/** Uploads a file for a message through the HTTP API, as the web app does. */
export async function anUpload(person: Person, content: string, name = 'brief.txt', purpose = 'message') {
  const form = new FormData();
  form.append('purpose', purpose);
  form.append('file', new Blob([content], { type: 'text/plain' }), name);
  const res = await person.http.post('/api/files', form);
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${res.text}`);
  return res.body as { id: string; sha256: string; sizeBytes: number; url: string };
}
