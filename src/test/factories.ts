import { aSignedInUser } from '../modules/accounts/test-factories.ts';
import { SANDBOX_CARDS } from '../modules/payments/index.ts';
import { newId } from '../platform/ids.ts';
import type { TestApp } from './harness.ts';
import type { TestClient } from './http.ts';

export const TEST_PASSWORD = 'plum-orbit-candle-47';

export interface TestUser {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
}

export interface SignedInUser {
  /** An HTTP client holding this user's session cookie. */
  http: TestClient;
  user: TestUser;
  password: string;
}

/**
 * Signs up through the real API (POST /api/auth/signup) and returns the signed-in client.
 * Sign-up is rate limited per IP: a test file that makes more than a handful of users should
 * start its app with `startTestApp({ RATE_LIMIT_AUTH_PER_MINUTE: '1000' })`.
 */
export async function aUser(
  t: TestApp,
  role: 'client' | 'freelancer',
  overrides: { email?: string; displayName?: string } = {},
): Promise<SignedInUser> {
  const http = t.client();
  const suffix = newId().slice(0, 8);
  const body = {
    email: overrides.email ?? `${role}-${suffix}@example.test`,
    password: TEST_PASSWORD,
    displayName: overrides.displayName ?? `Test ${role} ${suffix}`,
    role,
  };
  const res = await http.post('/api/auth/signup', body);
  if (res.status !== 201) throw new Error(`Sign-up failed (${res.status}): ${res.text}`);
  return { http, user: res.body.user as TestUser, password: TEST_PASSWORD };
}

export const aClient = (t: TestApp, overrides?: { email?: string; displayName?: string }) =>
  aUser(t, 'client', overrides);

export const aFreelancer = (t: TestApp, overrides?: { email?: string; displayName?: string }) =>
  aUser(t, 'freelancer', overrides);

export interface ContractParty {
  id: string;
  /** Signed in as this party. */
  http: TestClient;
}

export interface FixedPriceContract {
  id: string;
  offerId: string;
  client: ContractParty;
  freelancer: ContractParty;
  /** In position order. */
  milestoneIds: string[];
  amounts: number[];
}

/**
 * An active fixed-price contract built through the real routes: a client with a sandbox card
 * (and `clientFundsCents` added to their Workroom funds, if any) sends a direct offer whose
 * milestones have `amounts` (first funded, or all), and the freelancer accepts it.
 * Pass `client`/`freelancer` to reuse people across contracts (a pair's lifetime billings).
 */
export async function aFixedPriceContract(
  t: TestApp,
  options: {
    amounts?: number[];
    fund?: 'first' | 'all';
    clientFundsCents?: number;
    client?: ContractParty;
    freelancer?: ContractParty;
    acceptanceCriteria?: string;
  } = {},
): Promise<FixedPriceContract> {
  const amounts = options.amounts ?? [30_000, 20_000];
  const client = options.client ?? (await aParty(t, 'client'));
  const freelancer = options.freelancer ?? (await aParty(t, 'freelancer'));
  if (!options.client) {
    const card = await client.http.post('/api/billing-methods', {
      type: 'card',
      number: SANDBOX_CARDS.succeeds,
      expMonth: 12,
      expYear: t.clock.now().getUTCFullYear() + 3,
      cvc: '123',
      name: 'Test Client',
    });
    if (card.status !== 201) throw new Error(`Adding a card failed (${card.status}): ${card.text}`);
  }
  if (options.clientFundsCents) {
    const funds = await client.http.post(
      '/api/payments/charges',
      { amountCents: options.clientFundsCents, currency: 'USD' },
      { 'idempotency-key': newId() },
    );
    if (funds.status !== 201) throw new Error(`Adding funds failed (${funds.status}): ${funds.text}`);
  }
  const today = t.clock.now().toISOString().slice(0, 10);
  const offer = await client.http.post(
    '/api/offers',
    {
      freelancerId: freelancer.id,
      title: 'Checkout redesign',
      description: 'Redesign the three checkout steps; out of scope: the payment provider.',
      terms: {
        type: 'fixed',
        totalCents: amounts.reduce((sum, amount) => sum + amount, 0),
        fund: options.fund ?? 'first',
        milestones: amounts.map((amountCents, index) => ({
          title: `Milestone ${index + 1}`,
          amountCents,
          dueDate: today,
          acceptanceCriteria: options.acceptanceCriteria ?? 'Designs for every step\nReviewed in a call',
        })),
      },
      startDate: today,
    },
    { 'idempotency-key': newId() },
  );
  if (offer.status !== 201) throw new Error(`Sending the offer failed (${offer.status}): ${offer.text}`);
  const accepted = await freelancer.http.post(`/api/offers/${offer.body.id}/accept`, undefined, {
    'idempotency-key': newId(),
  });
  if (accepted.status !== 200) throw new Error(`Accepting the offer failed (${accepted.status}): ${accepted.text}`);
  const milestones = accepted.body.milestones as { id: string; amountCents: number }[];
  return {
    id: accepted.body.id as string,
    offerId: offer.body.id as string,
    client,
    freelancer,
    milestoneIds: milestones.map((milestone) => milestone.id),
    amounts: milestones.map((milestone) => milestone.amountCents),
  };
}

async function aParty(t: TestApp, role: 'client' | 'freelancer'): Promise<ContractParty> {
  const user = await aSignedInUser(t, { role });
  return { id: user.account.id, http: user.client };
}
