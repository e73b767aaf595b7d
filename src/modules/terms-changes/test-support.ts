import { randomUUID } from 'node:crypto';
import { makeCtx } from '../../server/context.ts';
import type { TestApp } from '../../test/harness.ts';
import { aContract, type TestContract } from '../contract-record/test-support.ts';
import { escrowAccount, getBalanceByKey } from '../ledger/accounts.ts';
import type { Person } from '../messages/test-support.ts';
import { fundMilestone } from '../milestones/fund-milestone.ts';
import { aCard } from '../proposals/test-support.ts';

/** Test-only helpers for the terms-changes and status-reports tests. */

export const actorCtx = (t: TestApp, person: Person, role: 'client' | 'freelancer') =>
  makeCtx(
    t.services,
    { userId: person.id, email: `${person.id}@example.test`, roles: [role], sessionId: null, apiTokenId: null },
    'test',
  );

/**
 * An active fixed-price contract (two milestones of $450, due 2026-02-01) with the milestones at
 * `fund` funded through the milestone lifecycle (the client's card pays).
 */
export async function aFundedContract(t: TestApp, fund: number[] = [0]): Promise<TestContract> {
  const contract = await aContract(t);
  await aCard(t, { ...contract.client, http: contract.client.http }, 'client');
  for (const index of fund) {
    await fundMilestone(actorCtx(t, contract.client, 'client'), {
      contractId: contract.id,
      milestoneId: contract.milestoneIds[index] as string,
      requestKey: randomUUID(),
    });
  }
  return contract;
}

export const escrowOf = (t: TestApp, contractId: string) =>
  getBalanceByKey(t.services.db, escrowAccount(contractId, 'USD'));

export async function milestonesSeenBy(person: Person, contractId: string) {
  const res = await person.http.get(`/api/contracts/${contractId}`);
  if (res.status !== 200) throw new Error(`contract read failed: ${res.status} ${res.text}`);
  return res.body.milestones as {
    id: string;
    title: string;
    state: string;
    amountCents: number;
    inEscrowCents: number;
  }[];
}
