import type { WorkroomModule } from '../../server/module.ts';
import { connectsChecks } from './checks.ts';
import { connectsDemo } from './demo.ts';
import { expireConnectsTask } from './expire-connects.ts';
import { monthlyConnectsTask } from './grant-monthly-connects.ts';
import { registerConnectsRoutes } from './routes.ts';

/** Connects: the bidding credits, kept in the ledger, granted monthly, bought in bundles, expiring after a year. */
export const connectsModule: WorkroomModule = {
  name: 'connects',
  routes: registerConnectsRoutes,
  tasks: [monthlyConnectsTask, expireConnectsTask],
  checks: connectsChecks,
  demo: [connectsDemo],
};
