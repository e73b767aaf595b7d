import type { WorkroomModule } from '../../server/module.ts';
import { paymentChecks } from './checks.ts';
import { paymentsDemo } from './demo.ts';
import { recoverChargesTask } from './recover-charges.ts';
import { paymentRoutes } from './routes.ts';

/** Paying in: billing methods, the payment gateway (sandbox built in) and charges linked to the ledger. */
export const paymentsModule: WorkroomModule = {
  name: 'payments',
  routes: paymentRoutes,
  tasks: [recoverChargesTask],
  checks: paymentChecks,
  demo: [paymentsDemo],
};
