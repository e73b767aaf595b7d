import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { aContract, endContractForTest, type TestContract } from '../contract-record/test-support.ts';
import { aPerson } from '../messages/test-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const board = (contract: TestContract) => `/api/contracts/${contract.id}/tasks`;

async function recordKinds(contract: TestContract): Promise<{ kind: string; summary: string; data: unknown }[]> {
  const res = await contract.client.http.get(`/api/contracts/${contract.id}/record?limit=200`);
  return res.body.items.filter((entry: { kind: string }) => entry.kind.startsWith('task.'));
}

describe('the task board', () => {
  test('both parties add, edit, move and see tasks; each change is in the record', async () => {
    const contract = await aContract(t);
    const created = await contract.client.http.post(board(contract), {
      title: '  Share staging access  ',
      description: 'Logins for staging and the analytics dashboard',
      assigneeId: contract.client.id,
      dueDate: '2026-01-09',
      milestoneId: contract.milestoneIds[0],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'Share staging access',
      state: 'todo',
      assignee: { userId: contract.client.id, name: contract.client.name },
      dueDate: '2026-01-09',
      milestone: { id: contract.milestoneIds[0], title: 'Milestone 1' },
      createdBy: { userId: contract.client.id },
    });
    const taskPath = `${board(contract)}/${created.body.id}`;

    const started = await contract.freelancer.http.patch(taskPath, {
      state: 'in_progress',
      assigneeId: contract.freelancer.id,
    });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ state: 'in_progress', assignee: { userId: contract.freelancer.id } });
    const done = await contract.client.http.patch(taskPath, { state: 'done' });
    expect(done.body.state).toBe('done');
    // Nothing changes: nothing is recorded.
    expect((await contract.client.http.patch(taskPath, { state: 'done', title: 'Share staging access' })).status).toBe(
      200,
    );

    const seen = await contract.freelancer.http.get(board(contract));
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ readOnly: false, counts: { todo: 0, in_progress: 0, done: 1 } });
    expect(seen.body.tasks).toEqual([expect.objectContaining({ id: created.body.id, state: 'done' })]);

    expect(await recordKinds(contract)).toEqual([
      expect.objectContaining({ kind: 'task.created', summary: 'Task added: “Share staging access”' }),
      expect.objectContaining({
        kind: 'task.updated',
        data: {
          taskId: created.body.id,
          changes: [{ field: 'assigneeId', before: contract.client.id, after: contract.freelancer.id }],
        },
      }),
      expect.objectContaining({
        kind: 'task.moved',
        summary: 'Task “Share staging access” moved from to do to in progress',
      }),
      expect.objectContaining({
        kind: 'task.moved',
        data: expect.objectContaining({ from: 'in_progress', to: 'done' }),
      }),
    ]);
  });

  test('moves follow the table: a done task is reopened into progress, not back to do', async () => {
    const contract = await aContract(t);
    const task = (await contract.freelancer.http.post(board(contract), { title: 'Wireframes' })).body;
    const taskPath = `${board(contract)}/${task.id}`;
    await contract.freelancer.http.patch(taskPath, { state: 'done' });
    const refused = await contract.freelancer.http.patch(taskPath, { state: 'todo' });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('This task is done');
    expect((await contract.client.http.patch(taskPath, { state: 'in_progress' })).body.state).toBe('in_progress');
  });

  test('bad input is refused naming the field', async () => {
    const contract = await aContract(t);
    const other = await aContract(t);
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '' }, 'title'],
      [{ title: '   ' }, 'title'],
      [{ title: 'x'.repeat(201) }, 'title'],
      [{ title: 'Logo', assigneeId: other.client.id }, 'assigneeId'],
      [{ title: 'Logo', milestoneId: other.milestoneIds[0] }, 'milestoneId'],
      [{ title: 'Logo', dueDate: '2026-13-40' }, 'dueDate'],
    ];
    for (const [body, field] of cases) {
      const res = await contract.client.http.post(board(contract), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.body.errors)).toContain(field);
    }
    expect((await contract.client.http.get(board(contract))).body.tasks).toEqual([]);
  });

  test('only the creator deletes, and only while the task is still to do', async () => {
    const contract = await aContract(t);
    const task = (await contract.client.http.post(board(contract), { title: 'Pick a font' })).body;
    const taskPath = `${board(contract)}/${task.id}`;
    expect((await contract.freelancer.http.delete(taskPath)).status).toBe(403);
    await contract.client.http.patch(taskPath, { state: 'in_progress' });
    expect((await contract.client.http.delete(taskPath)).status).toBe(409);
    await contract.client.http.patch(taskPath, { state: 'todo' });
    expect((await contract.client.http.delete(taskPath)).status).toBe(204);
    expect((await contract.client.http.get(board(contract))).body.tasks).toEqual([]);
    expect((await recordKinds(contract)).at(-1)).toMatchObject({
      kind: 'task.deleted',
      summary: 'Task removed: “Pick a font”',
    });
  });

  test('strangers get 404 for everything; operators read but do not change', async () => {
    const contract = await aContract(t);
    const task = (await contract.client.http.post(board(contract), { title: 'Brand colours' })).body;
    const stranger = await aPerson(t, 'freelancer');
    expect((await stranger.http.get(board(contract))).status).toBe(404);
    expect((await stranger.http.post(board(contract), { title: 'Sneaky' })).status).toBe(404);
    expect((await stranger.http.patch(`${board(contract)}/${task.id}`, { state: 'done' })).status).toBe(404);
    expect((await stranger.http.delete(`${board(contract)}/${task.id}`)).status).toBe(404);
    // A task of another contract is not on this board.
    const other = await aContract(t);
    expect((await other.client.http.patch(`${board(other)}/${task.id}`, { state: 'done' })).status).toBe(404);

    const operator = await aPerson(t, 'operator');
    const read = await operator.http.get(board(contract));
    expect(read.status).toBe(200);
    expect(read.body.readOnly).toBe(true);
    expect((await operator.http.post(board(contract), { title: 'Ops task' })).status).toBe(403);
    expect((await contract.client.http.get(board(contract))).body.tasks).toHaveLength(1);
  });

  test('after the contract ends the board is read-only (409)', async () => {
    const contract = await aContract(t);
    const task = (await contract.client.http.post(board(contract), { title: 'Final review' })).body;
    await endContractForTest(t, contract.id);

    const read = await contract.freelancer.http.get(board(contract));
    expect(read.status).toBe(200);
    expect(read.body.readOnly).toBe(true);
    expect(read.body.tasks).toHaveLength(1);
    const refused = [
      await contract.client.http.post(board(contract), { title: 'Late task' }),
      await contract.freelancer.http.patch(`${board(contract)}/${task.id}`, { state: 'done' }),
      await contract.client.http.delete(`${board(contract)}/${task.id}`),
    ];
    for (const res of refused) {
      expect(res.status).toBe(409);
      expect(res.body.detail).toContain('This contract has ended');
    }
    expect((await contract.client.http.get(board(contract))).body.tasks[0].state).toBe('todo');
  });
});
