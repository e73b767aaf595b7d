import type { WorkroomModule } from '../../server/module.ts';
import { registerFileAccess } from '../files/index.ts';
import { messageChecks } from './checks.ts';
import { messagesDemo } from './demo.ts';
import { canReadMessageFile } from './file-access.ts';
import { MESSAGE_FILE_KIND } from './post-message.ts';
import { registerMessageRoutes } from './routes.ts';

registerFileAccess(MESSAGE_FILE_KIND, canReadMessageFile);

/** Message threads between the parties of a proposal, job or contract: the primitive the Workroom extends. */
export const messagesModule: WorkroomModule = {
  name: 'messages',
  routes: registerMessageRoutes,
  checks: messageChecks,
  demo: [messagesDemo],
};
