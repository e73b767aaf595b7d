import { type Ctx, makeCtx } from '../../server/context.ts';
import type { DemoStep } from '../../server/module.ts';
import type { DemoUser, DemoUsers } from '../accounts/demo.ts';
import { taxonomyId } from '../profiles/seed-taxonomy.ts';
import { closeJob } from './close-job.ts';
import { createJob } from './create-job.ts';
import { createSavedSearch } from './create-saved-search.ts';
import { demoJobs, demoSavedSearch } from './demo-data.ts';
import { inviteFreelancer } from './invite-freelancer.ts';
import { listMyJobs } from './list-my-jobs.ts';
import { listSavedSearches } from './list-saved-searches.ts';
import { CloseJobRequest, CreateJobRequest, InviteFreelancerRequest } from './schemas.ts';
import { CreateSavedSearchRequest } from './search-schemas.ts';

/** What the jobs demo step leaves in `demo.state` under 'jobs.jobs' for later steps (proposals). */
export interface DemoJobRef {
  id: string;
  clientId: string;
  title: string;
  state: 'draft' | 'open' | 'closed';
  visibility: 'public' | 'invite_only';
}

const ctxFor = (demo: Parameters<DemoStep['run']>[0], user: DemoUser, role: 'client' | 'freelancer'): Ctx =>
  makeCtx(
    demo.services,
    { userId: user.id, email: user.email, roles: [role], sessionId: null, apiTokenId: null },
    'demo',
  );

/** Every demo job as it stands now, whether this run or an earlier one posted it. */
async function demoJobRefs(demo: Parameters<DemoStep['run']>[0], users: DemoUsers): Promise<DemoJobRef[]> {
  const titles = new Set(demoJobs.map((job) => job.title));
  const refs: DemoJobRef[] = [];
  for (const client of users.clients) {
    const { items } = await listMyJobs(ctxFor(demo, client, 'client'), { limit: 100 });
    for (const row of items.filter((item) => titles.has(item.title)).reverse()) {
      refs.push({
        id: row.id,
        clientId: client.id,
        title: row.title,
        state: row.state as DemoJobRef['state'],
        visibility: row.visibility as DemoJobRef['visibility'],
      });
    }
  }
  return refs;
}

/** Demo clients post jobs across categories through the same services (and schemas) as the API. */
export const jobsDemo: DemoStep = {
  name: 'jobs',
  order: 100,
  units: demoJobs.length + 1,
  async run(demo) {
    const users = demo.state.get('accounts.users') as DemoUsers | undefined;
    if (!users) throw new Error('The jobs demo needs the accounts demo step to run first');
    const existing = new Map<string, Set<string>>();

    for (const job of demoJobs) {
      const client = users.clients[job.client % users.clients.length];
      if (!client) continue;
      const ctx = ctxFor(demo, client, 'client');
      let titles = existing.get(client.id);
      if (!titles) {
        // A second `workroom demo` keeps the jobs the first one posted.
        titles = new Set((await listMyJobs(ctx, { limit: 100 })).items.map((row) => row.title));
        existing.set(client.id, titles);
      }
      if (titles.has(job.title)) {
        demo.progress(`job ${job.title} (kept)`);
        continue;
      }
      const { client: _client, category, skills, outcome, cancelNote, invite, ...fields } = job;
      const posted = await createJob(
        ctx,
        CreateJobRequest.parse({
          ...fields,
          categoryId: taxonomyId('category', category),
          skillIds: skills.map((slug) => taxonomyId('skill', slug)),
          publish: outcome !== 'draft',
        }),
      );
      for (const index of invite ?? []) {
        const freelancer = users.freelancers[index];
        if (!freelancer) continue;
        await inviteFreelancer(
          ctx,
          posted.row.id,
          InviteFreelancerRequest.parse({
            freelancerId: freelancer.id,
            message: `Hi ${freelancer.displayName.split(' ')[0]}, your profile fits this job well. Would you send a proposal?`,
          }),
        );
      }
      if (outcome === 'cancelled') {
        const note = cancelNote ?? 'Cancelled.';
        await closeJob(ctx, posted.row.id, CloseJobRequest.parse({ reason: 'cancelled', note }));
      }
      demo.progress(`job ${job.title}`);
    }
    demo.state.set('jobs.jobs', await demoJobRefs(demo, users));

    const searcher = users.freelancers[0];
    if (searcher) {
      const ctx = ctxFor(demo, searcher, 'freelancer');
      const saved = await listSavedSearches(ctx);
      if (!saved.some((search) => search.name === demoSavedSearch.name)) {
        await createSavedSearch(ctx, CreateSavedSearchRequest.parse(demoSavedSearch));
      }
    }
    demo.progress('saved search');
  },
};
