import { HOUR } from '../../platform/clock.ts';
import type { WorkroomModule } from '../../server/module.ts';
import { blobsOnDiskCheck } from './blobs-on-disk-check.ts';
import { removeUnattachedFiles } from './remove-unattached-files.ts';
import { registerFileRoutes } from './routes.ts';

export const filesModule: WorkroomModule = {
  name: 'files',
  routes: registerFileRoutes,
  tasks: [{ name: 'files.remove-unattached', everyMs: HOUR, run: removeUnattachedFiles }],
  checks: [blobsOnDiskCheck],
};
