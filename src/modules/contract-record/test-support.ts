import { sql } from 'drizzle-orm';
import { inTransaction } from '../../db/transaction.ts';
import { newId } from '../../platform/ids.ts';
import type { TestApp } from '../../test/harness.ts';
import { type ContractTerms, createContract } from '../contracts/index.ts';
import { type MessageThread, openThread } from '../messages/index.ts';
import { aPerson, type Person } from '../messages/test-support.ts';
import { recordContractStart } from './record-contract-start.ts';

export interface TestContract {
  id: string;
  client: Person;
  freelancer: Person;
  milestoneIds: string[];
  thread: MessageThread;
}

function fixedTerms(milestoneIds: string[]): ContractTerms {
  return {
    title: 'Checkout redesign',
    description: 'Redesign the three checkout steps; out of scope: the payment provider.',
    deliverables: [{ title: 'Figma file', acceptanceCriteria: 'All three steps, desktop and mobile' }],
    type: 'fixed',
    currency: 'USD',
    startDate: '2026-01-05',
    hourly: null,
    fixed: {
      totalCents: 90_000,
      milestones: milestoneIds.map((id, index) => ({
        id,
        title: `Milestone ${index + 1}`,
        description: 'Designs for one step',
        amountCents: 45_000,
        dueDate: '2026-02-01',
        acceptanceCriteria: 'Reviewed in a call',
      })),
    },
    feeScheduleVersion: 1,
  };
}

/**
 * An active fixed-price contract between two existing users (two milestones, none funded) with
 * its thread and its first record entries, made the way accepting an offer makes one.
 */
export async function makeContract(
  t: TestApp,
  clientId: string,
  freelancerId: string,
): Promise<{ id: string; milestoneIds: string[]; thread: MessageThread }> {
  const id = newId();
  const milestoneIds = [newId(), newId()];
  const terms = fixedTerms(milestoneIds);
  const thread = await inTransaction(t.services.db, async (tx) => {
    const now = t.services.clock.now();
    const offerId = newId();
    const parties = { clientId, freelancerId, acceptedBy: freelancerId };
    await createContract(tx, {
      id,
      offerId,
      ...parties,
      jobId: null,
      proposalId: null,
      terms,
      funding: new Map(),
      at: now,
    });
    await recordContractStart(tx, t.services.clock, {
      contractId: id,
      offerId,
      ...parties,
      terms,
      funded: [],
      at: now,
    });
    return openThread(tx, t.services.clock, {
      contextKind: 'contract',
      contextId: id,
      participants: [
        { userId: clientId, role: 'client' },
        { userId: freelancerId, role: 'freelancer' },
      ],
      subject: terms.title,
      openedBy: null,
    });
  });
  return { id, milestoneIds, thread };
}

/** A new client and freelancer, signed in, in a new contract (see makeContract). */
export async function aContract(t: TestApp): Promise<TestContract> {
  const client = await aPerson(t, 'client');
  const freelancer = await aPerson(t, 'freelancer');
  return { ...(await makeContract(t, client.id, freelancer.id)), client, freelancer };
}

/** Ends a contract. The fixed-price lifecycle (issue 5) owns ending; until then tests set the state. */
export async function endContractForTest(t: TestApp, contractId: string): Promise<void> {
  await t.services.db.execute(
    sql`update contracts set state = 'ended', ended_at = ${t.services.clock.now()} where id = ${contractId}`,
  );
}
