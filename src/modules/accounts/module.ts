import type { WorkroomModule } from '../../server/module.ts';
import { accountChecks } from './checks.ts';
import { accountsDemo } from './demo.ts';
import { registerAccountRoutes } from './routes.ts';
import { accountTasks } from './tasks.ts';

/** Sign-up, sign-in, sessions, API tokens, password change and reset, roles. */
export const accountsModule: WorkroomModule = {
  name: 'accounts',
  routes: registerAccountRoutes,
  tasks: accountTasks,
  checks: accountChecks,
  demo: [accountsDemo],
};
