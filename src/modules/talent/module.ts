import type { WorkroomModule } from '../../server/module.ts';
import { talentRoutes } from './routes.ts';

/** Clients' search for freelancers (the data and the search SQL belong to profiles). */
export const talentModule: WorkroomModule = {
  name: 'talent',
  routes: talentRoutes,
};
