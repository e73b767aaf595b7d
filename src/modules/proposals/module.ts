import type { WorkroomModule } from '../../server/module.ts';
import { registerFileAccess } from '../files/index.ts';
import { onJobClosed } from '../jobs/index.ts';
import { proposalsDemo } from './demo.ts';
import { canReadProposalFile } from './file-access.ts';
import { PROPOSAL_FILE_KIND } from './limits.ts';
import { refundConnectsOnJobClosed } from './refund-on-job-closed.ts';
import { registerProposalRoutes } from './routes.ts';

registerFileAccess(PROPOSAL_FILE_KIND, canReadProposalFile);
onJobClosed(refundConnectsOnJobClosed);

/** Proposals: one per freelancer and job, paid in Connects, triaged by the client, the way to an interview. */
export const proposalsModule: WorkroomModule = {
  name: 'proposals',
  routes: registerProposalRoutes,
  demo: [proposalsDemo],
};
