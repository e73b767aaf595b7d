import { inTransaction } from '../../db/transaction.ts';
import { newId } from '../../platform/ids.ts';
import type { TestApp } from '../../test/harness.ts';
import type { TestClient } from '../../test/http.ts';
import { createAccount } from '../accounts/create-account.ts';
import { createOperator } from '../accounts/create-operator.ts';
import { startSession } from '../accounts/sessions.ts';
import { notify } from './notify.ts';

export interface TestUser {
  id: string;
  email: string;
  /** Signed in with a session cookie, as a browser would be. */
  client: TestClient;
  cookie: string;
}

/** A signed-up user with a live session, built through the accounts services. */
export async function aUser(t: TestApp, role: 'client' | 'freelancer' | 'operator' = 'client'): Promise<TestUser> {
  const input = {
    email: `${role}-${newId().slice(0, 8)}@example.test`,
    password: 'correct horse battery staple 42',
    displayName: `Test ${role}`,
  };
  const account =
    role === 'operator' ? await createOperator(t.services, input) : await createAccount(t.services, { ...input, role });
  const session = await startSession(t.services.db, t.services, {
    userId: account.id,
    client: { userAgent: 'vitest', ip: '127.0.0.1' },
  });
  const cookie = `wr_session=${session.token}`;
  return { id: account.id, email: account.email, client: t.client().withHeaders({ cookie }), cookie };
}

/** Creates a notification the way other modules do: inside their own transaction. */
export async function aNotification(
  t: TestApp,
  userId: string,
  overrides: Partial<{ kind: string; title: string; body: string; link: string }> = {},
): Promise<string> {
  const { id } = await inTransaction(t.services.db, (tx) =>
    notify(tx, t.services.clock, { userId, kind: 'test.event', title: 'Something happened', ...overrides }),
  );
  return id;
}
