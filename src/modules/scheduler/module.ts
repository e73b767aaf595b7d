import type { WorkroomModule } from '../../server/module.ts';
import { registerSchedulerRoutes } from './routes.ts';

export const schedulerModule: WorkroomModule = {
  name: 'scheduler',
  async routes(app, services) {
    // Imported here, not at the top: the module list imports this module.
    const { modules } = await import('../index.ts');
    registerSchedulerRoutes(app, services, () => modules.flatMap((module) => module.tasks ?? []));
  },
};
