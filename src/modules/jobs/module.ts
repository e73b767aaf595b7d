import type { WorkroomModule } from '../../server/module.ts';
import { registerFileAccess } from '../files/index.ts';
import { jobChecks } from './checks.ts';
import { refreshOpenJobsClientFacts } from './client-facts.ts';
import { jobsDemo } from './demo.ts';
import { canReadJobFile, JOB_FILE_KIND } from './job-files.ts';
import { matchSavedSearches } from './match-saved-searches.ts';
import { jobRoutes } from './routes.ts';
import { jobSearchRoutes } from './search-routes.ts';

registerFileAccess(JOB_FILE_KIND, canReadJobFile);

/** Job posts, their search and best-matches feed, invitations and saved searches. */
export const jobsModule: WorkroomModule = {
  name: 'jobs',
  routes(app) {
    jobSearchRoutes(app);
    jobRoutes(app);
  },
  tasks: [
    {
      name: 'jobs.match-saved-searches',
      everyMs: 3 * 60_000,
      run: (ctx) => matchSavedSearches(ctx),
    },
    {
      // Catches "payment verified" changes made in the payments module for search filters.
      name: 'jobs.refresh-client-facts',
      everyMs: 10 * 60_000,
      run: async (ctx) => ({ processed: await refreshOpenJobsClientFacts(ctx.db) }),
    },
  ],
  checks: jobChecks,
  demo: [jobsDemo],
};
