import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DemoContext } from '../../server/module.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { accountChecks } from './checks.ts';
import { accountsDemo, DEMO_PASSWORD, type DemoUsers } from './demo.ts';
import { users } from './tables.ts';
import { aSignedInUser } from './test-factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const newDemo = (): DemoContext => ({ services: t.services, state: new Map(), logins: [], progress: () => {} });

async function violations() {
  return t.services.db.transaction(async (tx) => {
    const found = [];
    for (const check of accountChecks) found.push(...(await check.run(tx, t.services)));
    return found;
  });
}

describe('demo accounts', () => {
  test('the demo makes an operator, 3 clients and 8 freelancers who can sign in, and can run twice', async () => {
    const first = newDemo();
    await accountsDemo.run(first);
    const made = first.state.get('accounts.users') as DemoUsers;
    expect(made.operator.email).toBe('ops@demo.workroom.local');
    expect(made.clients).toHaveLength(3);
    expect(made.freelancers).toHaveLength(8);
    expect(first.logins).toHaveLength(12);

    const again = newDemo();
    await accountsDemo.run(again);
    expect(again.state.get('accounts.users')).toEqual(made);

    const login = await t
      .client()
      .post('/api/auth/login', { email: made.freelancers[0]?.email, password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.user.roles).toEqual(['freelancer']);
    const ops = await t.client().post('/api/auth/login', { email: made.operator.email, password: DEMO_PASSWORD });
    expect(ops.body.user.roles).toEqual(['operator']);
  });
});

describe('verify checks', () => {
  test('a healthy database has no violations', async () => {
    await aSignedInUser(t);
    expect(await violations()).toEqual([]);
  });

  test('they catch a role-less user, an upper-case email and a session older than the password', async () => {
    const { account } = await aSignedInUser(t);
    await t.services.db
      .update(users)
      .set({
        roles: [],
        email: account.email.toUpperCase(),
        passwordChangedAt: new Date(t.clock.now().getTime() + 1000),
      })
      .where(eq(users.id, account.id));
    const found = await violations();
    expect(found).toHaveLength(3);
    expect(found.map((violation) => violation.message).join('\n')).toMatch(/roles \{\}/);
  });
});
