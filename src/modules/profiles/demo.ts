import { makeCtx } from '../../server/context.ts';
import type { DemoStep } from '../../server/module.ts';
import type { DemoUser, DemoUsers } from '../accounts/demo.ts';
import { addPortfolioItem } from './add-portfolio-item.ts';
import { demoClients, demoFreelancers } from './demo-data.ts';
import { saveClientProfile } from './save-client-profile.ts';
import { saveFreelancerProfile } from './save-freelancer-profile.ts';
import { AddPortfolioItemRequest, SaveClientProfileRequest, SaveFreelancerProfileRequest } from './schemas.ts';
import { taxonomyId } from './seed-taxonomy.ts';

const actorFor = (user: DemoUser, role: 'client' | 'freelancer') => ({
  userId: user.id,
  email: user.email,
  roles: [role],
  sessionId: null,
  apiTokenId: null,
});

/** Fills in the demo accounts' profiles through the same services (and schemas) as the API. */
export const profilesDemo: DemoStep = {
  name: 'profiles',
  order: 20,
  units: demoFreelancers.length + demoClients.length,
  async run(demo) {
    const users = demo.state.get('accounts.users') as DemoUsers | undefined;
    if (!users) throw new Error('The profiles demo needs the accounts demo step to run first');

    for (const [index, user] of users.freelancers.entries()) {
      const data = demoFreelancers[index % demoFreelancers.length];
      if (!data) continue;
      const ctx = makeCtx(demo.services, actorFor(user, 'freelancer'), 'demo');
      const { skills, portfolio, ...fields } = data;
      const profile = await saveFreelancerProfile(
        ctx,
        SaveFreelancerProfileRequest.parse({
          ...fields,
          name: user.displayName,
          skillIds: skills.map((slug) => taxonomyId('skill', slug)),
        }),
      );
      // A second `workroom demo` keeps the portfolio it made the first time.
      if (profile.portfolio.length === 0) {
        for (const item of portfolio) await addPortfolioItem(ctx, AddPortfolioItemRequest.parse(item));
      }
      demo.progress(`profile ${user.displayName}`);
    }

    for (const [index, user] of users.clients.entries()) {
      const data = demoClients[index % demoClients.length];
      if (!data) continue;
      const ctx = makeCtx(demo.services, actorFor(user, 'client'), 'demo');
      await saveClientProfile(ctx, SaveClientProfileRequest.parse({ ...data, name: user.displayName }));
      demo.progress(`client profile ${user.displayName}`);
    }
  },
};
