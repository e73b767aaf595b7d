import type { WorkroomModule } from '../../server/module.ts';
import { offerChecks } from './checks.ts';
import { offersDemo } from './demo.ts';
import { expireOffersTask } from './expire-offers.ts';
import { registerOfferRoutes } from './routes.ts';

/** Offers: terms sent by a client, funded into escrow, accepted into a contract or returned. */
export const offersModule: WorkroomModule = {
  name: 'offers',
  routes: registerOfferRoutes,
  tasks: [expireOffersTask],
  checks: offerChecks,
  demo: [offersDemo],
};
