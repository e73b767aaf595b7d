import { type Actor, makeCtx, type Services } from '../../server/context.ts';
import type { DemoStep } from '../../server/module.ts';
import type { DemoUsers } from '../accounts/demo.ts';
import type { ContractView } from '../contracts/index.ts';
import { listContracts } from '../contracts/list-contracts.ts';
import { fileStatusReport } from './file-status-report.ts';
import { listStatusReports } from './list-status-reports.ts';

const freelancerActor = (userId: string): Actor => ({
  userId,
  email: 'freelancer@demo',
  roles: ['freelancer'],
  sessionId: null,
  apiTokenId: null,
});

/** Milestones still being worked on, with a plausible progress (never 100: that would submit them). */
const PROGRESS: Record<string, number> = { funded: 60, changes_requested: 80, not_funded: 0 };

/** This week's report on a running fixed-price contract, unless it is filed already. */
async function reportOn(services: Services, contract: ContractView): Promise<boolean> {
  if (contract.row.type !== 'fixed' || contract.row.state !== 'active') return false;
  const ctx = makeCtx(services, freelancerActor(contract.row.freelancerId), 'demo');
  const list = await listStatusReports(ctx, contract.row.id);
  if (list.currentWeekFiled) return false;
  await fileStatusReport(ctx, contract.row.id, {
    progress: contract.milestones
      .filter((milestone) => milestone.state in PROGRESS)
      .map((milestone) => ({ milestoneId: milestone.id, percent: PROGRESS[milestone.state] ?? 0 })),
    plans: 'Finish the open milestone and prepare the hand-over notes for review.',
    blockers: 'Waiting for access to the production logs to check the last edge cases.',
  });
  return true;
}

/** Runs after the milestones demo (order 300): one weekly report per running fixed-price demo contract. */
export const statusReportsDemo: DemoStep = {
  name: 'status reports',
  order: 320,
  units: 1,
  async run(demo) {
    const users = demo.state.get('accounts.users') as DemoUsers | undefined;
    let filed = 0;
    for (const client of users?.clients ?? []) {
      const ctx = makeCtx(demo.services, { ...freelancerActor(client.id), roles: ['client'] }, 'demo');
      const page = await listContracts(ctx, { role: 'client', limit: 20 });
      for (const contract of page.items) if (await reportOn(demo.services, contract)) filed += 1;
    }
    demo.progress(`status reports filed: ${filed}`);
  },
};
