import { type Ctx, makeCtx } from '../../server/context.ts';
import type { DemoContext, DemoStep } from '../../server/module.ts';
import type { DemoUser } from '../accounts/demo.ts';
import { getJobForHiring } from '../jobs/index.ts';
import { demoParties } from '../proposals/demo.ts';
import { findProposalFor } from '../proposals/index.ts';
import { acceptOffer } from './accept-offer.ts';
import { SendOfferRequest } from './schemas.ts';
import { sendOffer } from './send-offer.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

interface DemoOffer {
  job: string;
  freelancer: number;
  title: string;
  description: string;
  terms: (day: (offset: number) => string) => Record<string, unknown>;
  accept: boolean;
}

const demoOffers: DemoOffer[] = [
  {
    job: 'Node.js developer to add webhooks to our public API',
    freelancer: 1,
    title: 'Signed webhooks for the shipments API',
    description:
      'Subscription endpoints, HMAC-signed deliveries with retries for 24 hours, a delivery log, and public documentation.',
    terms: (day) => ({
      type: 'fixed',
      totalCents: 320_000,
      fund: 'first',
      milestones: [
        {
          title: 'Webhook delivery',
          amountCents: 200_000,
          dueDate: day(14),
          acceptanceCriteria: 'Events arrive signed and are retried with backoff for 24 hours.',
        },
        {
          title: 'Delivery log and documentation',
          amountCents: 120_000,
          dueDate: day(21),
          acceptanceCriteria: 'The log lists every attempt; the docs explain signature checks.',
        },
      ],
    }),
    accept: true,
  },
  {
    job: 'React dashboard for our shipment tracking SaaS',
    freelancer: 0,
    title: 'Shipment dashboard (React), hourly',
    description: 'The map and table views of the shipment dashboard, as agreed on our call, then weekly improvements.',
    terms: () => ({ type: 'hourly', hourlyRateCents: 7_500, weeklyLimitHours: 30, manualTimeAllowed: false }),
    accept: true,
  },
  {
    job: 'Power BI dashboard for store managers',
    freelancer: 4,
    title: 'Morning report for store managers',
    description:
      'A Power BI page per store with yesterday’s sales, margin, stock-outs and top movers, refreshed by 7:00.',
    terms: (day) => ({
      type: 'fixed',
      totalCents: 230_000,
      fund: 'first',
      milestones: [
        {
          title: 'Report and data model',
          amountCents: 150_000,
          dueDate: day(7),
          acceptanceCriteria: 'All four figures match the warehouse for three sample days.',
        },
        {
          title: 'Row-level security and refresh',
          amountCents: 80_000,
          dueDate: day(10),
          acceptanceCriteria: 'Each manager sees only their store; the refresh finishes before 7:00.',
        },
      ],
    }),
    accept: false,
  },
];

const ctxFor = (demo: DemoContext, user: DemoUser, role: 'client' | 'freelancer'): Ctx =>
  makeCtx(
    demo.services,
    { userId: user.id, email: user.email, roles: [role], sessionId: null, apiTokenId: null },
    'demo',
  );

async function makeDemoOffer(demo: DemoContext, wanted: DemoOffer): Promise<void> {
  const parties = demoParties(demo, wanted);
  if (!parties) return;
  const db = demo.services.db;
  const proposal = await findProposalFor(db, { jobId: parties.job.id, freelancerId: parties.freelancer.id });
  const job = await getJobForHiring(db, parties.job.id);
  const client = parties.users.clients.find((user) => user.id === job?.clientId);
  // Already hired by an earlier run, or the proposal is not there to make an offer from.
  if (!proposal || !client || ['hired', 'declined', 'withdrawn'].includes(proposal.state)) return;
  let offerId = proposal.pendingOfferId;
  if (!offerId) {
    const now = demo.services.clock.now();
    const day = (offset: number) => new Date(now.getTime() + offset * DAY_MS).toISOString().slice(0, 10);
    const input = SendOfferRequest.parse({
      proposalId: proposal.id,
      title: wanted.title,
      description: wanted.description,
      terms: wanted.terms(day),
      startDate: day(1),
      message: 'Looking forward to working with you!',
    });
    offerId = (await sendOffer(ctxFor(demo, client, 'client'), input, `demo-offer-${proposal.id}`)).row.id;
  }
  if (wanted.accept) await acceptOffer(ctxFor(demo, parties.freelancer, 'freelancer'), offerId);
}

/** Offers on demo proposals: a funded fixed-price offer and an hourly one accepted (two contracts), one pending. */
export const offersDemo: DemoStep = {
  name: 'offers',
  order: 210,
  units: demoOffers.length,
  async run(demo) {
    for (const wanted of demoOffers) {
      await makeDemoOffer(demo, wanted);
      demo.progress(`offer ${wanted.title}`);
    }
  },
};
