import type { WorkroomModule } from '../../server/module.ts';
import { termsChangeChecks } from './checks.ts';
import { termsChangesDemo } from './demo.ts';
import { registerTermsRoutes } from './routes.ts';

/** Changes of a contract's terms: proposed by either party, in force as a new version once the other accepts. */
export const termsChangesModule: WorkroomModule = {
  name: 'terms-changes',
  routes: registerTermsRoutes,
  checks: termsChangeChecks,
  demo: [termsChangesDemo],
};
