import type { WorkroomModule } from '../../server/module.ts';
import { payoutChecks } from './checks.ts';
import { payoutsDemo } from './demo.ts';
import { processPayoutsTask } from './process-payouts.ts';
import { releasePendingEarningsTask } from './release-pending-earnings.ts';
import { payoutRoutes } from './routes.ts';
import { runWithdrawalSchedulesTask } from './run-withdrawal-schedules.ts';

/** Paying out: earnings through their security period, payout methods, withdrawals and the payout processor. */
export const payoutsModule: WorkroomModule = {
  name: 'payouts',
  routes: payoutRoutes,
  tasks: [releasePendingEarningsTask, runWithdrawalSchedulesTask, processPayoutsTask],
  checks: payoutChecks,
  demo: [payoutsDemo],
};
