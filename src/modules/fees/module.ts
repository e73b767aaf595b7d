import type { WorkroomModule } from '../../server/module.ts';
import { feeRoutes } from './routes.ts';

/** The versioned fee schedule and the fee math every money flow uses. */
export const feesModule: WorkroomModule = {
  name: 'fees',
  routes: feeRoutes,
};
