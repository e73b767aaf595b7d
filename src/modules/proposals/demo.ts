import { type Ctx, makeCtx } from '../../server/context.ts';
import type { DemoContext, DemoStep } from '../../server/module.ts';
import type { DemoUser, DemoUsers } from '../accounts/demo.ts';
import { getJobForHiring } from '../jobs/index.ts';
import { postMessage } from '../messages/index.ts';
import { declineProposal } from './decline-proposal.ts';
import { findProposalFor } from './hiring.ts';
import { inviteToInterview } from './invite-to-interview.ts';
import { SubmitProposalRequest } from './schemas.ts';
import { submitProposal } from './submit-proposal.ts';

/** The jobs demo's refs ('jobs.jobs'), as far as this step needs them. */
interface JobRef {
  id: string;
  title: string;
  state: string;
}

interface DemoProposal {
  job: string;
  freelancer: number;
  /** Cents: the hourly rate or the fixed amount, by the job's type. */
  bidCents: number;
  letter: string;
  /** What the client does with it next. */
  clientAnswer?: 'interview' | 'decline';
}

export const demoProposals: DemoProposal[] = [
  {
    job: 'React dashboard for our shipment tracking SaaS',
    freelancer: 0,
    bidCents: 7_500,
    letter:
      'I have built two logistics dashboards in React with live maps (MapLibre) and virtualised tables. I would start from your existing API and ship the map view first, then the table, each with tests.',
    clientAnswer: 'interview',
  },
  {
    job: 'React dashboard for our shipment tracking SaaS',
    freelancer: 3,
    bidCents: 8_500,
    letter:
      'Senior front-end developer, eight years of React. I can take this from design to delivery, including accessibility checks and a Storybook of the dashboard components.',
    clientAnswer: 'decline',
  },
  {
    job: 'Node.js developer to add webhooks to our public API',
    freelancer: 1,
    bidCents: 320_000,
    letter:
      'I maintain a webhook delivery service on Fastify and PostgreSQL: signed payloads, retries with backoff and a delivery log, exactly your scope. I would reuse that design and document it for your customers.',
  },
  {
    job: 'Power BI dashboard for store managers',
    freelancer: 4,
    bidCents: 230_000,
    letter:
      'I build Power BI reports on SQL Server warehouses every month, with row-level security per store. A morning page for managers is a one-week job with one round of feedback.',
  },
  {
    job: 'Translate our product catalogue from Swedish to English',
    freelancer: 6,
    bidCents: 190_000,
    letter:
      'Native English speaker, fluent Swedish, and five years translating hardware catalogues. I keep a glossary in the spreadsheet so terms stay consistent across all 1,200 items.',
  },
  {
    job: 'Move our staging environment to Kubernetes with Terraform',
    freelancer: 5,
    bidCents: 9_000,
    letter:
      'Thank you for the invitation. I moved three staging environments to EKS with Terraform last year, with preview environments per pull request; I can share the modules I use.',
  },
];

const ctxFor = (demo: DemoContext, user: DemoUser, role: 'client' | 'freelancer'): Ctx =>
  makeCtx(
    demo.services,
    { userId: user.id, email: user.email, roles: [role], sessionId: null, apiTokenId: null },
    'demo',
  );

/** A demo proposal's job and freelancer, when the jobs and accounts demos made them. */
export function demoParties(demo: DemoContext, wanted: { job: string; freelancer: number }) {
  const users = demo.state.get('accounts.users') as DemoUsers | undefined;
  const jobs = (demo.state.get('jobs.jobs') as JobRef[] | undefined) ?? [];
  const job = jobs.find((ref) => ref.title === wanted.job);
  const freelancer = users?.freelancers[wanted.freelancer];
  return job && freelancer ? { job, freelancer, users: users as DemoUsers } : null;
}

async function sendDemoProposal(demo: DemoContext, wanted: DemoProposal): Promise<void> {
  const parties = demoParties(demo, wanted);
  if (!parties) return;
  const { job, freelancer } = parties;
  const db = demo.services.db;
  let proposal = await findProposalFor(db, { jobId: job.id, freelancerId: freelancer.id });
  const hiring = await getJobForHiring(db, job.id);
  if (!proposal && hiring?.state === 'open') {
    const input = SubmitProposalRequest.parse({
      coverLetter: wanted.letter,
      bid:
        hiring.type === 'hourly'
          ? { type: 'hourly', hourlyRateCents: wanted.bidCents }
          : { type: 'fixed', amountCents: wanted.bidCents },
      estimatedDuration: hiring.duration ?? '1_to_3_months',
      answers: hiring.screeningQuestions.map(
        () => 'Happy to walk you through examples on a call; links are in my profile.',
      ),
    });
    proposal = (await submitProposal(ctxFor(demo, freelancer, 'freelancer'), job.id, input)).row;
  }
  if (proposal?.state !== 'submitted' || !hiring) return;
  const client = parties.users.clients.find((user) => user.id === hiring.clientId);
  if (!client) return;
  const asClient = ctxFor(demo, client, 'client');
  if (wanted.clientAnswer === 'decline') {
    await declineProposal(asClient, proposal.id, {
      reason: 'Thank you! We went with a freelancer who has built this kind of map view for logistics before.',
    });
  }
  if (wanted.clientAnswer === 'interview') {
    const view = await inviteToInterview(asClient, proposal.id, {
      message: `Hi ${freelancer.displayName.split(' ')[0]}, your proposal stood out. Could we talk about how you would structure the map and the table?`,
    });
    if (!view.threadId) return;
    await postMessage(ctxFor(demo, freelancer, 'freelancer'), {
      threadId: view.threadId,
      text: 'Gladly! Map first as its own component fed by the API stream, then the table sharing the same store. I can show you a similar project tomorrow.',
    });
    await postMessage(asClient, {
      threadId: view.threadId,
      text: 'Perfect, tomorrow at 10:00 CET works. I will send you an offer after the call.',
    });
  }
}

/** Demo freelancers send proposals (Connects spent, one free by invitation); one interview, one decline. */
export const proposalsDemo: DemoStep = {
  name: 'proposals',
  order: 200,
  units: demoProposals.length,
  async run(demo) {
    for (const wanted of demoProposals) {
      await sendDemoProposal(demo, wanted);
      demo.progress(`proposal for ${wanted.job}`);
    }
  },
};
