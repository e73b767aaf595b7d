import type { WorkroomModule } from '../../server/module.ts';
import { taskChecks } from './checks.ts';
import { tasksDemo } from './demo.ts';
import { registerTaskRoutes } from './routes.ts';

/** The task board of each contract's Workroom: tasks by state, assignee, due date and milestone. */
export const tasksModule: WorkroomModule = {
  name: 'tasks',
  routes: registerTaskRoutes,
  checks: taskChecks,
  demo: [tasksDemo],
};
