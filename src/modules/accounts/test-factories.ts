import { SESSION_COOKIE } from '../../server/auth.ts';
import type { TestApp } from '../../test/harness.ts';
import type { TestClient } from '../../test/http.ts';
import type { Account } from './account.ts';
import { createAccount } from './create-account.ts';
import { createOperator } from './create-operator.ts';
import { startSession } from './sessions.ts';

let counter = 0;

export const TEST_PASSWORD = 'a long test passphrase 2026';

/**
 * A signed-in person for tests in any module: the account is made through the service and a
 * session opened directly, so tests do not spend the per-IP sign-up/log-in rate limit.
 */
export async function aSignedInUser(
  t: TestApp,
  options: { role?: 'client' | 'freelancer' | 'operator'; email?: string; displayName?: string } = {},
): Promise<{ account: Account; client: TestClient; password: string; sessionToken: string }> {
  counter += 1;
  const role = options.role ?? 'client';
  const who = {
    email: options.email ?? `${role}-${counter}-${Date.now().toString(36)}@example.test`,
    displayName: options.displayName ?? `Test ${role} ${counter}`,
    password: TEST_PASSWORD,
  };
  const account =
    role === 'operator' ? await createOperator(t.services, who) : await createAccount(t.services, { ...who, role });
  const session = await startSession(t.services.db, t.services, {
    userId: account.id,
    client: { userAgent: 'vitest', ip: '127.0.0.1' },
  });
  const client = t.client().withHeaders({ cookie: `${SESSION_COOKIE}=${session.token}` });
  return { account, client, password: TEST_PASSWORD, sessionToken: session.token };
}
