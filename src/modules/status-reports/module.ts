import type { WorkroomModule } from '../../server/module.ts';
import { statusReportChecks } from './checks.ts';
import { statusReportsDemo } from './demo.ts';
import { remindMissingReportsTask } from './remind-missing-reports.ts';
import { registerStatusReportRoutes } from './routes.ts';

/** Weekly status reports on fixed-price contracts (Elance): progress per milestone, plans, blockers. */
export const statusReportsModule: WorkroomModule = {
  name: 'status-reports',
  routes: registerStatusReportRoutes,
  tasks: [remindMissingReportsTask],
  checks: statusReportChecks,
  demo: [statusReportsDemo],
};
