import { type Actor, makeCtx, type Services } from '../../server/context.ts';
import type { DemoStep } from '../../server/module.ts';
import type { DemoUser, DemoUsers } from '../accounts/demo.ts';
import type { ContractView } from '../contracts/index.ts';
import { listContracts } from '../contracts/list-contracts.ts';
import { getThreadForContext, postMessage } from '../messages/index.ts';
import { createTask } from './create-task.ts';
import { listTasks } from './list-tasks.ts';
import { updateTask } from './update-task.ts';

const actorOf = (userId: string, role: 'client' | 'freelancer'): Actor => ({
  userId,
  email: `${role}@demo`,
  roles: [role],
  sessionId: null,
  apiTokenId: null,
});

/** A small plan per contract: one task done, one under way, one still to do. */
async function planContract(services: Services, contract: ContractView): Promise<boolean> {
  const client = makeCtx(services, actorOf(contract.client.userId, 'client'), 'demo');
  const freelancer = makeCtx(services, actorOf(contract.freelancer.userId, 'freelancer'), 'demo');
  // `workroom demo` may run twice: a board that has tasks is left as it is.
  const board = await listTasks(client, contract.row.id);
  if (board.tasks.length > 0 || board.readOnly) return false;
  const [first, second] = contract.milestones;
  const kickOff = await createTask(client, contract.row.id, {
    title: 'Kick-off call and access to the accounts',
    description: 'Share logins for staging and the design files; agree on the weekly check-in time.',
    assigneeId: contract.client.userId,
  });
  const draft = await createTask(freelancer, contract.row.id, {
    title: first ? `First draft for "${first.title}"` : 'First draft',
    description: 'A working version to review together, with open questions listed.',
    assigneeId: contract.freelancer.userId,
    milestoneId: first?.id ?? null,
  });
  await createTask(freelancer, contract.row.id, {
    title: second ? `Prepare "${second.title}"` : 'Final hand-over notes',
    assigneeId: contract.freelancer.userId,
    milestoneId: second?.id ?? null,
  });
  await updateTask(client, { contractId: contract.row.id, taskId: kickOff.row.id, update: { state: 'done' } });
  await updateTask(freelancer, { contractId: contract.row.id, taskId: draft.row.id, update: { state: 'in_progress' } });
  const thread = await getThreadForContext(services.db, 'contract', contract.row.id);
  if (thread?.state === 'open') {
    await postMessage(freelancer, {
      threadId: thread.id,
      text: 'I have put the plan on the task board: the kick-off is done and I am working on the first draft.',
    });
  }
  return true;
}

async function demoContracts(services: Services, clients: DemoUser[]): Promise<ContractView[]> {
  const found: ContractView[] = [];
  for (const client of clients) {
    const page = await listContracts(makeCtx(services, actorOf(client.id, 'client'), 'demo'), {
      role: 'client',
      limit: 20,
    });
    found.push(...page.items);
  }
  return found;
}

/** Runs after the offers demo (order ~200) made contracts; without any it does nothing. */
export const tasksDemo: DemoStep = {
  name: 'tasks',
  order: 260,
  units: 1,
  async run(demo) {
    const users = demo.state.get('accounts.users') as DemoUsers | undefined;
    const contracts = users ? await demoContracts(demo.services, users.clients) : [];
    let planned = 0;
    for (const contract of contracts) if (await planContract(demo.services, contract)) planned += 1;
    demo.progress(
      contracts.length === 0 ? 'task boards skipped: no demo contracts' : `task boards for ${planned} contracts`,
    );
  },
};
