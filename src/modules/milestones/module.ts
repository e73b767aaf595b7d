import type { WorkroomModule } from '../../server/module.ts';
import { registerFileAccess } from '../files/index.ts';
import { autoApproveMilestonesTask } from './auto-approve-milestones.ts';
import { lifecycleChecks } from './checks.ts';
import { lifecycleDemo } from './demo.ts';
import { canReadSubmissionFile } from './file-access.ts';
import { refundUnansweredEndingsTask } from './respond-to-end.ts';
import { registerLifecycleRoutes } from './routes.ts';
import { SUBMISSION_FILE_KIND } from './submit-milestone.ts';

registerFileAccess(SUBMISSION_FILE_KIND, canReadSubmissionFile);

/**
 * The fixed-price lifecycle of a contract: funding, submitting, reviewing and paying milestones,
 * bonuses, refunds, and ending the contract (on the contracts module's tables).
 */
export const milestonesModule: WorkroomModule = {
  name: 'milestones',
  routes: registerLifecycleRoutes,
  tasks: [autoApproveMilestonesTask, refundUnansweredEndingsTask],
  checks: lifecycleChecks,
  demo: [lifecycleDemo],
};
