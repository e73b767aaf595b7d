import type { WorkroomModule } from '../../server/module.ts';
import { registerFileAccess } from '../files/index.ts';
import { profileChecks } from './checks.ts';
import { profilesDemo } from './demo.ts';
import { canReadPortfolioFile, PORTFOLIO_FILE_KIND } from './portfolio-files.ts';
import { profileRoutes } from './routes.ts';

registerFileAccess(PORTFOLIO_FILE_KIND, canReadPortfolioFile);

/** Freelancer and client profiles, the skills taxonomy and portfolios. */
export const profilesModule: WorkroomModule = {
  name: 'profiles',
  routes: profileRoutes,
  checks: profileChecks,
  demo: [profilesDemo],
};
