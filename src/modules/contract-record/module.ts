import type { WorkroomModule } from '../../server/module.ts';
import { recordChecks } from './checks.ts';
import { registerRecordRoutes } from './routes.ts';

/** The official record of each contract: an append-only hash chain, exports and offline verification. */
export const contractRecordModule: WorkroomModule = {
  name: 'contract-record',
  routes: registerRecordRoutes,
  checks: recordChecks,
};
