import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inTransaction } from '../../db/transaction.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { accountsDemo, type DemoUsers } from '../accounts/demo.ts';
import { recordChecks } from '../contract-record/checks.ts';
import { recordEntries } from '../contract-record/index.ts';
import { makeContract } from '../contract-record/test-support.ts';
import { taskChecks } from './checks.ts';
import { tasksDemo } from './demo.ts';
import { tasksOf } from './task-view.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const runChecks = () =>
  inTransaction(t.services.db, async (tx) => {
    const violations = [];
    for (const check of [...recordChecks, ...taskChecks]) violations.push(...(await check.run(tx, t.services)));
    return violations;
  });

describe('demo and verify', () => {
  test('without demo contracts the step does nothing; with one it plans its board once', async () => {
    const state = new Map<string, unknown>();
    const steps: string[] = [];
    const demo = { services: t.services, state, progress: (step: string) => steps.push(step), logins: [] };
    await accountsDemo.run(demo);
    await tasksDemo.run(demo);
    expect(steps.at(-1)).toBe('task boards skipped: no demo contracts');

    const users = state.get('accounts.users') as DemoUsers;
    const [client, freelancer] = [users.clients[0], users.freelancers[0]];
    if (!client || !freelancer) throw new Error('no demo users');
    const contract = await makeContract(t, client.id, freelancer.id);
    await tasksDemo.run(demo);
    await tasksDemo.run(demo);

    const tasks = await tasksOf(t.services.db, contract.id);
    expect(tasks.map((task) => task.state).sort()).toEqual(['done', 'in_progress', 'todo']);
    const kinds = (await recordEntries(t.services.db, contract.id)).map((entry) => entry.kind);
    expect(kinds).toEqual([
      'contract.created',
      'terms.version',
      'task.created',
      'task.created',
      'task.created',
      'task.moved',
      'task.moved',
      'message.posted',
    ]);
    expect(await runChecks()).toEqual([]);
  });
});
