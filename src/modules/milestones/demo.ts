import { and, asc, eq, inArray } from 'drizzle-orm';
import { type Ctx, makeCtx } from '../../server/context.ts';
import type { DemoContext, DemoStep } from '../../server/module.ts';
import type { DemoUser, DemoUsers } from '../accounts/demo.ts';
import { type ContractRow, milestonesOf } from '../contracts/index.ts';
import { contracts } from '../contracts/tables.ts';
import { acceptOffer } from '../offers/accept-offer.ts';
import { SendOfferRequest } from '../offers/schemas.ts';
import { sendOffer } from '../offers/send-offer.ts';
import { acceptanceCriteriaOf } from './acceptance-criteria.ts';
import { approveMilestone } from './approve-milestone.ts';
import { endContract } from './end-contract.ts';
import { fundMilestone } from './fund-milestone.ts';
import { requestChanges } from './request-changes.ts';
import { submitMilestone } from './submit-milestone.ts';
import { milestoneSubmissions } from './tables.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The offers demo's accepted fixed-price contract. */
const HIRED_TITLE = 'Signed webhooks for the shipments API';
const ENDED_TITLE = 'Logo refresh for the delivery app';

const ctxAs = (demo: DemoContext, userId: string, role: 'client' | 'freelancer'): Ctx =>
  makeCtx(
    demo.services,
    { userId, email: `${userId}@demo.invalid`, roles: [role], sessionId: null, apiTokenId: null },
    'demo-milestones',
  );

async function submitWork(demo: DemoContext, contract: ContractRow, milestoneId: string, message: string) {
  const milestone = (await milestonesOf(demo.services.db, contract.id)).find((row) => row.id === milestoneId);
  if (!milestone) return;
  await submitMilestone(ctxAs(demo, contract.freelancerId, 'freelancer'), {
    contractId: contract.id,
    milestoneId,
    message,
    fileIds: [],
    deliverables: acceptanceCriteriaOf(milestone.acceptanceCriteria).map((criterion) => ({
      criterion,
      met: true,
      note: 'Shown in the demo call.',
    })),
  });
}

/**
 * The accepted fixed-price contract: milestone 1 submitted, sent back for changes, resubmitted and
 * approved (paid); milestone 2 funded and submitted, waiting for review. Each step runs only from
 * the state before it, so a second `workroom demo` changes nothing.
 */
async function runHiredContract(demo: DemoContext, contract: ContractRow): Promise<void> {
  const db = demo.services.db;
  const client = ctxAs(demo, contract.clientId, 'client');
  const on = { contractId: contract.id };
  for (let step = 0; step < 6 && contract.state === 'active'; step++) {
    const [first, second] = await milestonesOf(db, contract.id);
    if (!first || !second) return;
    const rounds = (
      await db
        .select({ id: milestoneSubmissions.id })
        .from(milestoneSubmissions)
        .where(eq(milestoneSubmissions.milestoneId, first.id))
    ).length;
    if (first.state === 'funded') {
      await submitWork(demo, contract, first.id, 'Webhooks are live on staging: signed deliveries with retries.');
    } else if (first.state === 'submitted' && rounds === 1) {
      await requestChanges(client, {
        ...on,
        milestoneId: first.id,
        message: 'Please retry for the full 24 hours (it stops after 6) and add the signature header to the docs.',
      });
    } else if (first.state === 'changes_requested') {
      await submitWork(demo, contract, first.id, 'Retries now run for 24 hours with backoff; docs updated.');
    } else if (first.state === 'submitted') {
      await approveMilestone(client, { ...on, milestoneId: first.id, note: 'Works great, thanks!' });
    } else if (second.state === 'not_funded') {
      await fundMilestone(client, { ...on, milestoneId: second.id, requestKey: 'demo-fund-2' });
    } else if (second.state === 'funded') {
      await submitWork(demo, contract, second.id, 'The delivery log and the documentation are ready for review.');
    } else {
      return;
    }
  }
}

/** A small direct contract between two other demo users, paid and ended by the client. */
async function runEndedContract(demo: DemoContext, client: DemoUser, freelancer: DemoUser): Promise<void> {
  const db = demo.services.db;
  const find = async () =>
    (
      await db
        .select()
        .from(contracts)
        .where(
          and(
            eq(contracts.clientId, client.id),
            eq(contracts.freelancerId, freelancer.id),
            eq(contracts.title, ENDED_TITLE),
          ),
        )
    )[0];
  let contract = await find();
  if (!contract) {
    const now = demo.services.clock.now();
    const day = (offset: number) => new Date(now.getTime() + offset * DAY_MS).toISOString().slice(0, 10);
    const input = SendOfferRequest.parse({
      freelancerId: freelancer.id,
      title: ENDED_TITLE,
      description: 'A refreshed logo and app icon in the new brand colours, with source files.',
      terms: {
        type: 'fixed',
        totalCents: 45_000,
        fund: 'first',
        milestones: [
          {
            title: 'Logo and app icon',
            amountCents: 45_000,
            dueDate: day(5),
            acceptanceCriteria: 'Logo in SVG and PNG\nApp icon in every required size',
          },
        ],
      },
      startDate: day(0),
    });
    const offer = await sendOffer(ctxAs(demo, client.id, 'client'), input, `demo-ended-contract-${freelancer.id}`);
    await acceptOffer(ctxAs(demo, freelancer.id, 'freelancer'), offer.row.id);
    contract = await find();
  }
  if (contract?.state !== 'active') return;
  const [milestone] = await milestonesOf(db, contract.id);
  if (!milestone) return;
  if (milestone.state === 'funded') {
    await submitWork(demo, contract, milestone.id, 'Final logo and icons attached in every size.');
  }
  if ((await milestonesOf(db, contract.id))[0]?.state === 'submitted') {
    await approveMilestone(ctxAs(demo, client.id, 'client'), { contractId: contract.id, milestoneId: milestone.id });
  }
  await endContract(ctxAs(demo, client.id, 'client'), {
    contractId: contract.id,
    reason: 'All delivered, thank you!',
  });
}

/** The fixed-price lifecycle in the demo: work submitted, changes asked, payments made, a contract ended. */
export const lifecycleDemo: DemoStep = {
  name: 'milestones',
  order: 300,
  units: 2,
  async run(demo) {
    const users = demo.state.get('accounts.users') as DemoUsers | undefined;
    if (!users) return;
    const [hired] = await demo.services.db
      .select()
      .from(contracts)
      .where(
        and(
          eq(contracts.title, HIRED_TITLE),
          inArray(
            contracts.clientId,
            users.clients.map((client) => client.id),
          ),
        ),
      )
      .orderBy(asc(contracts.createdAt));
    if (hired) await runHiredContract(demo, hired);
    demo.progress('fixed-price contract in progress');
    const [client, freelancer] = [users.clients[1], users.freelancers[2]];
    if (client && freelancer) await runEndedContract(demo, client, freelancer);
    demo.progress('fixed-price contract ended');
  },
};
