import type { WorkroomModule } from '../../server/module.ts';
import { contractChecks } from './checks.ts';
import { registerContractRoutes } from './routes.ts';

/** Contracts made from accepted offers: the record, terms versions and milestones (lifecycle in later issues). */
export const contractsModule: WorkroomModule = {
  name: 'contracts',
  routes: registerContractRoutes,
  checks: contractChecks,
};
