import type { WorkroomModule } from '../../server/module.ts';
import { recordRoutes } from './routes.ts';

/** Records: transaction history with running balances, CSV export, PDF receipts and invoices, spending. */
export const recordsModule: WorkroomModule = {
  name: 'records',
  routes: recordRoutes,
};
