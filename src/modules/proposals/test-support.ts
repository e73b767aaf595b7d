import { randomUUID } from 'node:crypto';
import { makeCtx } from '../../server/context.ts';
import type { TestApp } from '../../test/harness.ts';
import { grantMonthlyConnectsTo } from '../connects/index.ts';
import { aPerson, jobBody, type Person, postJob } from '../jobs/test-factories.ts';
import { clientFundingAccount, connectsAccount, escrowAccount, getBalanceByKey } from '../ledger/accounts.ts';
import { addBillingMethod } from '../payments/add-billing-method.ts';
import { SANDBOX_CARDS } from '../payments/index.ts';

/** Test-only helpers shared by the proposals, offers and Connects tests. */

export { aPerson, hourlyTerms, jobBody, type Person, postJob } from '../jobs/test-factories.ts';

/** A freelancer with this month's free Connects (10). */
export async function aFreelancer(t: TestApp, name?: string): Promise<Person> {
  const freelancer = await aPerson(t, 'freelancer', name);
  await grantMonthlyConnectsTo(t.services, freelancer.id);
  return freelancer;
}

/** A client with an open fixed-price job (budget $2,500, one screening question). */
export async function aClientWithJob(t: TestApp, overrides: Record<string, unknown> = {}) {
  const client = await aPerson(t, 'client');
  const jobId = await postJob(client, overrides);
  return { client, jobId };
}

/** Adds a card through the payments service (the route is for clients; a freelancer buying Connects needs one too). */
export async function aCard(
  t: TestApp,
  person: Person,
  role: 'client' | 'freelancer',
  number: string = SANDBOX_CARDS.succeeds,
): Promise<string> {
  const ctx = makeCtx(
    t.services,
    { userId: person.id, email: `${person.id}@example.test`, roles: [role], sessionId: null, apiTokenId: null },
    'test',
  );
  const method = await addBillingMethod(ctx, {
    type: 'card',
    number,
    expMonth: 12,
    expYear: t.clock.now().getUTCFullYear() + 3,
    cvc: '123',
    name: 'Test Card',
  });
  return method.id;
}

/** A valid proposal body for `jobBody()`'s fixed-price job (one screening question). */
export function proposalBody(overrides: Record<string, unknown> = {}) {
  return {
    coverLetter:
      'I have built three logistics dashboards in React with maps and live tables; I can start this week and deliver in two.',
    bid: { type: 'fixed', amountCents: 240_000 },
    estimatedDuration: 'less_than_1_month',
    answers: ['A fleet tracker for a delivery startup, and a warehouse KPI board.'],
    ...overrides,
  };
}

/** A valid fixed-price offer body: two milestones ($300 + $200), the first funded. */
export function fixedOfferBody(t: TestApp, overrides: Record<string, unknown> = {}) {
  const today = t.clock.now().toISOString().slice(0, 10);
  return {
    title: 'Logistics dashboard, phase 1',
    description: 'Build the shipments map and the sortable table against the existing API, with tests.',
    deliverables: [{ title: 'Dashboard page', acceptanceCriteria: 'Shows live shipments on a map and in a table.' }],
    terms: {
      type: 'fixed',
      totalCents: 50_000,
      milestones: [
        {
          title: 'Map view',
          amountCents: 30_000,
          dueDate: today,
          acceptanceCriteria: 'Shipments appear on the map within 5 seconds.',
        },
        {
          title: 'Table view',
          amountCents: 20_000,
          dueDate: today,
          acceptanceCriteria: 'The table sorts by every column.',
        },
      ],
    },
    startDate: today,
    ...overrides,
  };
}

export function hourlyOfferBody(t: TestApp, overrides: Record<string, unknown> = {}) {
  return {
    title: 'Ongoing front-end work',
    description: 'Front-end features and fixes on the logistics dashboard, as prioritised weekly.',
    terms: { type: 'hourly', hourlyRateCents: 6_000, weeklyLimitHours: 20, manualTimeAllowed: true },
    startDate: t.clock.now().toISOString().slice(0, 10),
    ...overrides,
  };
}

export const key = () => ({ 'idempotency-key': randomUUID() });

export const connectsOf = (t: TestApp, userId: string) => getBalanceByKey(t.services.db, connectsAccount(userId));
export const fundsOf = (t: TestApp, userId: string) =>
  getBalanceByKey(t.services.db, clientFundingAccount(userId, 'USD'));
export const escrowOf = (t: TestApp, contractId: string) =>
  getBalanceByKey(t.services.db, escrowAccount(contractId, 'USD'));

export { jobBody as defaultJobBody };
