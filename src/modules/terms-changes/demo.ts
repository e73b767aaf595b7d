import { type Actor, makeCtx, type Services } from '../../server/context.ts';
import type { DemoStep } from '../../server/module.ts';
import type { DemoUsers } from '../accounts/demo.ts';
import type { ContractView } from '../contracts/index.ts';
import { listContracts } from '../contracts/list-contracts.ts';
import { acceptTermsChange } from './accept-terms-change.ts';
import { changesOf } from './change-view.ts';
import { proposeTermsChange } from './propose-terms-change.ts';
import { ProposeTermsChangeRequest } from './schemas.ts';

const DAY_MS = 86_400_000;

const actor = (userId: string, role: 'client' | 'freelancer'): Actor => ({
  userId,
  email: `${role}@demo`,
  roles: [role],
  sessionId: null,
  apiTokenId: null,
});

/**
 * On a running fixed-price contract with no change yet: the client widens the scope and the
 * freelancer accepts (version 2, with its difference to see), then the freelancer proposes an
 * extra milestone that waits for the client's answer.
 */
async function changeTerms(services: Services, contract: ContractView): Promise<boolean> {
  if (contract.row.type !== 'fixed' || contract.row.state !== 'active') return false;
  if ((await changesOf(services.db, contract.row.id)).length > 0) return false;
  const client = makeCtx(services, actor(contract.row.clientId, 'client'), 'demo');
  const freelancer = makeCtx(services, actor(contract.row.freelancerId, 'freelancer'), 'demo');
  const scope = await proposeTermsChange(
    client,
    contract.row.id,
    ProposeTermsChangeRequest.parse({
      note: 'The delivery log should be searchable too; it fits in the current milestones.',
      description: `${contract.terms.terms.description} The delivery log is searchable by shipment and date.`,
    }),
  );
  await acceptTermsChange(freelancer, contract.row.id, scope.row.id);
  const due = new Date(services.clock.now().getTime() + 21 * DAY_MS).toISOString().slice(0, 10);
  await proposeTermsChange(
    freelancer,
    contract.row.id,
    ProposeTermsChangeRequest.parse({
      note: 'A CSV export of the delivery log was asked for in our call; here is a milestone for it.',
      milestones: {
        add: [
          {
            title: 'Delivery log CSV export',
            amountCents: 15_000,
            dueDate: due,
            acceptanceCriteria: 'Exports the filtered log as CSV\nHandles 100,000 rows within 10 seconds',
          },
        ],
      },
    }),
  );
  return true;
}

/** Runs after the status reports demo: one contract shows a terms history and a change waiting. */
export const termsChangesDemo: DemoStep = {
  name: 'terms changes',
  order: 330,
  units: 1,
  async run(demo) {
    const users = demo.state.get('accounts.users') as DemoUsers | undefined;
    for (const client of users?.clients ?? []) {
      const page = await listContracts(makeCtx(demo.services, actor(client.id, 'client'), 'demo'), {
        role: 'client',
        limit: 20,
      });
      for (const contract of page.items) {
        if (await changeTerms(demo.services, contract)) {
          demo.progress('a terms change accepted and one waiting');
          return;
        }
      }
    }
    demo.progress('terms changes: nothing to change');
  },
};
