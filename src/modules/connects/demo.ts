import type { DemoStep } from '../../server/module.ts';
import { grantMonthlyConnects } from './grant-monthly-connects.ts';

/** Every demo freelancer gets this month's free Connects (the proposals demo spends them). */
export const connectsDemo: DemoStep = {
  name: 'connects',
  order: 190,
  units: 1,
  async run(demo) {
    const { processed } = await grantMonthlyConnects(demo.services);
    demo.progress(`monthly Connects for ${processed} freelancers`);
  },
};
