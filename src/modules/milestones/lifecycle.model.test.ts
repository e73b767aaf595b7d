import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DAY } from '../../platform/clock.ts';
import { aFixedPriceContract, type FixedPriceContract } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { clientMarketplaceFee, type FeeSchedule, feeScheduleInForce, splitPayment } from '../fees/index.ts';
import { payoutsModule } from '../payouts/index.ts';
import { securityPeriodMs } from '../payouts/security-period.ts';
import { runDueTasks } from '../scheduler/index.ts';
import { AUTO_APPROVE_AFTER_MS, END_RESPONSE_WINDOW_MS, REFUND_WINDOW_MS } from './limits.ts';
import { milestonesModule } from './module.ts';
import { balancesOf, key, submission, verifyProblems } from './test-support.ts';

/*
 * Model-based test: random sequences of lifecycle actions (fund, submit, request changes, approve
 * in full or in part, bonus, end and answer, refund, clock moves with the scheduler's tasks) run
 * through the HTTP API and against a plain model of the same rules. After every step the
 * milestones' states and money, the contract's state, the escrow, the client's funds and the
 * freelancer's pending and available earnings must equal the model's. The clock is frozen so the
 * model knows every instant exactly (review and answer windows end on the dot).
 */

const MAX_COMMANDS = 15;
const ADVANCE_DAYS = [1, 5, 7, 14] as const;
/**
 * A run moves the clock up to MAX_COMMANDS * 14 days, past the default 30-day session: the
 * parties' sessions (opened when each run's contract is made) must outlive any run, or the
 * API answers 401 and every comparison fails for a reason the model does not describe.
 */
const SESSION_TTL_DAYS = 365;

const AMOUNTS = [20_000, 15_000, 10_000];

type MilestoneState = 'not_funded' | 'funded' | 'submitted' | 'changes_requested' | 'approved' | 'refunded';
interface MilestoneModel {
  amount: number;
  state: MilestoneState;
  funded: number;
  released: number;
  refunded: number;
  reviewDueAt: number | null;
}
interface PaymentModel {
  milestone: number | null;
  gross: number;
  fee: number;
  net: number;
  refunded: number;
  paidAt: number;
  transferId: string | null;
}
interface Model {
  contract: 'active' | 'ending' | 'ending_disputed' | 'ended';
  milestones: MilestoneModel[];
  clientFunds: number;
  pending: number;
  available: number;
  earnings: { net: number; availableAt: number }[];
  payments: PaymentModel[];
  billed: number;
  respondBy: number | null;
}
interface Real {
  contract: FixedPriceContract;
  base: string;
}

let t: TestApp;
let schedule: FeeSchedule;
beforeAll(async () => {
  t = await startTestApp({ SESSION_TTL_DAYS: String(SESSION_TTL_DAYS) });
  t.clock.freeze();
  schedule = await feeScheduleInForce(t.services.db, t.clock.now());
});
afterAll(async () => {
  await t?.close();
});

const now = () => t.clock.now().getTime();
const inEscrow = (m: MilestoneModel) => m.funded - m.released - m.refunded;
const active = (model: Model) => model.contract === 'active';

/** The client's Workroom funds pay; the card is charged for any shortfall first. */
function spendFunds(model: Model, needed: number): void {
  if (needed <= 0) return;
  model.clientFunds += Math.max(0, needed - Math.max(0, model.clientFunds));
  model.clientFunds -= needed;
}

function pay(model: Model, gross: number, milestone: number | null): void {
  const split = splitPayment({ grossCents: gross, priorBilledCents: model.billed, schedule });
  model.billed += gross;
  model.pending += split.netCents;
  model.earnings.push({ net: split.netCents, availableAt: now() + securityPeriodMs.fixed_price });
  model.payments.push({
    milestone,
    gross,
    fee: split.feeCents,
    net: split.netCents,
    refunded: 0,
    paidAt: now(),
    transferId: null,
  });
}

function refundAllEscrow(model: Model): void {
  for (const milestone of model.milestones) {
    const held = inEscrow(milestone);
    if (held === 0) continue;
    milestone.refunded += held;
    if (milestone.state !== 'approved') milestone.state = 'refunded';
    model.clientFunds += held;
  }
}

const half = (fee: number, part: number, whole: number) =>
  Number((2n * BigInt(fee) * BigInt(part) + BigInt(whole)) / (2n * BigInt(whole)));

/** Compares everything the model knows with the API and the ledger; learns new payments' transfer ids. */
async function expectSame(model: Model, real: Real): Promise<void> {
  const read = await real.contract.client.http.get(`${real.base}/overview`);
  expect(read.status, read.text).toBe(200);
  const overview = read.body;
  expect(overview.state).toBe(model.contract);
  expect(
    overview.milestones.map((m: Record<string, number | string>) => [
      m.state,
      m.fundedCents,
      m.releasedCents,
      m.refundedCents,
    ]),
  ).toEqual(model.milestones.map((m) => [m.state, m.funded, m.released, m.refunded]));
  for (const payment of overview.payments as { transferId: string; milestoneId: string | null }[]) {
    if (model.payments.some((known) => known.transferId === payment.transferId)) continue;
    const index = payment.milestoneId ? real.contract.milestoneIds.indexOf(payment.milestoneId) : null;
    const mine = model.payments.find((known) => known.transferId === null && known.milestone === index);
    expect(mine, `unexpected payment ${JSON.stringify(payment)}`).toBeDefined();
    if (mine) mine.transferId = payment.transferId;
  }
  const byTransfer = new Map(model.payments.map((p) => [p.transferId, p]));
  expect(overview.payments).toHaveLength(model.payments.length);
  for (const payment of overview.payments) {
    const mine = byTransfer.get(payment.transferId);
    expect([payment.grossCents, payment.serviceFeeCents, payment.netCents, payment.refundedCents]).toEqual([
      mine?.gross,
      mine?.fee,
      mine?.net,
      mine?.refunded,
    ]);
  }
  const escrow = model.milestones.reduce((sum, m) => sum + inEscrow(m), 0);
  expect(await balancesOf(t, real.contract)).toEqual({
    escrow,
    clientFunds: model.clientFunds,
    pending: model.pending,
    available: model.available,
  });
}

type Command = fc.AsyncCommand<Model, Real>;
const command = (
  name: string,
  check: (model: Model) => boolean,
  run: (model: Model, real: Real) => Promise<void>,
): Command => ({
  check,
  run: async (model, real) => {
    await run(model, real);
    await expectSame(model, real);
  },
  toString: () => name,
});

/**
 * The milestone an action aims at: the k-th of those in `states` (so most actions are ones the
 * lifecycle allows), or simply the k-th milestone when none is (a refusal to check).
 */
function target(model: Model, states: MilestoneState[], k: number): number {
  const fitting = model.milestones.flatMap((milestone, index) => (states.includes(milestone.state) ? [index] : []));
  return fitting.length > 0 ? (fitting[k % fitting.length] as number) : k % model.milestones.length;
}

const fund = (k: number) =>
  command(
    `fund(${k})`,
    () => true,
    async (model, real) => {
      const i = target(model, ['not_funded'], k);
      const res = await real.contract.client.http.post(
        `${real.base}/milestones/${real.contract.milestoneIds[i]}/fund`,
        {},
        key(),
      );
      const milestone = model.milestones[i] as MilestoneModel;
      if (!active(model) || milestone.state !== 'not_funded') return void expect(res.status).toBe(409);
      expect(res.status).toBe(200);
      let missing = milestone.amount - milestone.funded;
      for (const source of model.milestones) {
        if (source.state !== 'approved') continue;
        const take = Math.min(inEscrow(source), missing);
        source.funded -= take;
        milestone.funded += take;
        missing -= take;
      }
      spendFunds(model, missing + (missing > 0 ? clientMarketplaceFee(missing, schedule) : 0));
      milestone.funded += missing;
      milestone.state = 'funded';
    },
  );

const submit = (k: number) =>
  command(
    `submit(${k})`,
    () => true,
    async (model, real) => {
      const i = target(model, ['funded', 'changes_requested'], k);
      const res = await real.contract.freelancer.http.post(
        `${real.base}/milestones/${real.contract.milestoneIds[i]}/submit`,
        submission(),
      );
      const milestone = model.milestones[i] as MilestoneModel;
      if (!active(model) || !['funded', 'changes_requested'].includes(milestone.state))
        return void expect(res.status).toBe(409);
      expect(res.status).toBe(200);
      milestone.state = 'submitted';
      milestone.reviewDueAt = now() + AUTO_APPROVE_AFTER_MS;
    },
  );

const requestChanges = (k: number) =>
  command(
    `requestChanges(${k})`,
    () => true,
    async (model, real) => {
      const i = target(model, ['submitted'], k);
      const res = await real.contract.client.http.post(
        `${real.base}/milestones/${real.contract.milestoneIds[i]}/request-changes`,
        { message: 'Please fix the spacing.' },
      );
      const milestone = model.milestones[i] as MilestoneModel;
      if (!active(model) || milestone.state !== 'submitted') return void expect(res.status).toBe(409);
      expect(res.status).toBe(200);
      milestone.state = 'changes_requested';
      milestone.reviewDueAt = null;
    },
  );

const approve = (k: number, share: number) =>
  command(
    `approve(${k}, ${share})`,
    () => true,
    async (model, real) => {
      const i = target(model, ['submitted'], k);
      const milestone = model.milestones[i] as MilestoneModel;
      const amount = share === 1 ? inEscrow(milestone) : Math.max(1, Math.floor(inEscrow(milestone) * share));
      const body = share === 1 || amount < 1 ? {} : { amountCents: amount };
      const res = await real.contract.client.http.post(
        `${real.base}/milestones/${real.contract.milestoneIds[i]}/approve`,
        body,
        key(),
      );
      if (!active(model) || milestone.state !== 'submitted') return void expect(res.status).toBe(409);
      expect(res.status).toBe(200);
      pay(model, amount, i);
      milestone.released += amount;
      milestone.state = 'approved';
      milestone.reviewDueAt = null;
    },
  );

const bonus = (amount: number) =>
  command(
    `bonus(${amount})`,
    () => true,
    async (model, real) => {
      const res = await real.contract.client.http.post(
        `${real.base}/bonus`,
        { amountCents: amount, note: 'Thanks' },
        key(),
      );
      expect(res.status).toBe(201);
      spendFunds(model, amount + clientMarketplaceFee(amount, schedule));
      pay(model, amount, null);
    },
  );

const end = (by: 'client' | 'freelancer') =>
  command(
    `end(${by})`,
    () => true,
    async (model, real) => {
      const res = await real.contract[by].http.post(`${real.base}/end`, { reason: 'We are done.' }, key());
      if (!active(model)) return void expect(res.status).toBe(409);
      expect(res.status).toBe(200);
      const held = model.milestones.reduce((sum, m) => sum + inEscrow(m), 0);
      model.contract = held === 0 ? 'ended' : 'ending';
      model.respondBy = held === 0 ? null : now() + END_RESPONSE_WINDOW_MS;
    },
  );

const respond = (agree: boolean) =>
  command(
    `respond(${agree})`,
    () => true,
    async (model, real) => {
      const res = await real.contract.freelancer.http.post(`${real.base}/end/respond`, { agreeToRefund: agree }, key());
      if (model.contract !== 'ending') return void expect(res.status).toBe(409);
      expect(res.status).toBe(200);
      if (agree) {
        refundAllEscrow(model);
        model.contract = 'ended';
      } else {
        model.contract = 'ending_disputed';
      }
    },
  );

const refund = (pick: number, share: number) =>
  command(
    `refund(${pick}, ${share})`,
    (model) => model.payments.length > 0,
    async (model, real) => {
      const payment = model.payments[pick % model.payments.length] as PaymentModel;
      const left = payment.gross - payment.refunded;
      const amount = Math.max(1, Math.floor(left * share));
      const res = await real.contract.freelancer.http.post(
        `${real.base}/refunds`,
        { amountCents: amount, reason: 'Goodwill', transferId: payment.transferId },
        key(),
      );
      if (payment.paidAt < now() - REFUND_WINDOW_MS) return void expect(res.status).toBe(409);
      if (amount > left) return void expect(res.status).toBe(400);
      const feeShare =
        half(payment.fee, payment.refunded + amount, payment.gross) -
        half(payment.fee, payment.refunded, payment.gross);
      if (model.available < amount - feeShare) return void expect(res.status).toBe(409);
      expect(res.status).toBe(201);
      payment.refunded += amount;
      model.available -= amount - feeShare;
      model.clientFunds += amount;
      model.billed -= amount;
    },
  );

const advance = (days: number) =>
  command(
    `advance(${days}d)`,
    () => true,
    async (model) => {
      t.clock.advance(days * DAY);
      await runDueTasks(t.services, [...(milestonesModule.tasks ?? []), ...(payoutsModule.tasks ?? [])]);
      if (active(model)) {
        const due = model.milestones
          .map((milestone, index) => ({ milestone, index }))
          .filter(({ milestone }) => milestone.state === 'submitted' && (milestone.reviewDueAt ?? Infinity) <= now())
          .sort((a, b) => (a.milestone.reviewDueAt ?? 0) - (b.milestone.reviewDueAt ?? 0) || a.index - b.index);
        for (const { milestone, index } of due) {
          pay(model, inEscrow(milestone), index);
          milestone.released += inEscrow(milestone);
          milestone.state = 'approved';
          milestone.reviewDueAt = null;
        }
      }
      if (model.contract === 'ending' && (model.respondBy ?? Infinity) <= now()) {
        refundAllEscrow(model);
        model.contract = 'ended';
      }
      for (const earning of model.earnings.filter((e) => e.availableAt <= now())) {
        model.pending -= earning.net;
        model.available += earning.net;
      }
      model.earnings = model.earnings.filter((e) => e.availableAt > now());
    },
  );

const milestoneIndex = fc.nat(AMOUNTS.length - 1);
const approval = fc.tuple(milestoneIndex, fc.constantFrom(1, 0.5, 0.25)).map(([k, share]) => approve(k, share));
// Listed twice or thrice: drawn more often (an end stops most of what follows, so it is drawn less).
const commands = [
  milestoneIndex.map(fund),
  milestoneIndex.map(fund),
  milestoneIndex.map(submit),
  milestoneIndex.map(submit),
  milestoneIndex.map(submit),
  milestoneIndex.map(requestChanges),
  approval,
  approval,
  approval,
  fc.constantFrom(100, 2_500, 10_000).map(bonus),
  fc.constantFrom('client' as const, 'freelancer' as const).map(end),
  fc.boolean().map(respond),
  fc.tuple(fc.nat(), fc.constantFrom(1, 0.5, 0.1)).map(([pick, share]) => refund(pick, share)),
  fc.tuple(fc.nat(), fc.constantFrom(1, 0.5, 0.1)).map(([pick, share]) => refund(pick, share)),
  fc.constantFrom(...ADVANCE_DAYS).map(advance),
  fc.constantFrom(...ADVANCE_DAYS).map(advance),
];

/** A fresh contract (its first milestone funded) and the model of it, already compared. */
async function startRun(funds: number): Promise<{ model: Model; real: Real }> {
  const contract = await aFixedPriceContract(t, { amounts: AMOUNTS, clientFundsCents: funds });
  const real: Real = { contract, base: `/api/contracts/${contract.id}` };
  const start = await balancesOf(t, contract);
  const model: Model = {
    contract: 'active',
    milestones: AMOUNTS.map((amount, index) => ({
      amount,
      state: index === 0 ? 'funded' : 'not_funded',
      funded: index === 0 ? amount : 0,
      released: 0,
      refunded: 0,
      reviewDueAt: null,
    })),
    clientFunds: start.clientFunds,
    pending: start.pending,
    available: start.available,
    earnings: [],
    payments: [],
    billed: 0,
    respondBy: null,
  };
  await expectSame(model, real);
  return { model, real };
}

test('the longest run ends before the sessions of its parties do', () => {
  expect(MAX_COMMANDS * Math.max(...ADVANCE_DAYS)).toBeLessThan(SESSION_TTL_DAYS);
});

test('the lifecycle behaves like its model, step by step', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.commands(commands, { maxCommands: MAX_COMMANDS }),
      fc.constantFrom(0, 30_000),
      async (steps, funds) => {
        const { model, real } = await startRun(funds);
        await fc.asyncModelRun(() => ({ model, real }), steps);
      },
    ),
    { numRuns: 20, endOnFailure: true },
  );
  expect(await verifyProblems(t)).toEqual([]);
}, 180_000);

/*
 * Counterexample from CI (seed -1426668607): 36 days pass, so with 30-day sessions the overview
 * read after the last step answered 401. The auto-approval on day 35 must still match the model.
 */
test('regression: a submission auto-approved 36 days into the contract, after a second funding', async () => {
  const { model, real } = await startRun(30_000);
  const steps = [approve(2, 0.5), advance(14), advance(7), submit(2), fund(0), advance(1), advance(14)];
  for (const step of steps) await step.run(model, real);
  expect(model.contract).toBe('active');
  expect(model.milestones.map((m) => m.state)).toEqual(['approved', 'funded', 'not_funded']);
  expect(await verifyProblems(t)).toEqual([]);
}, 60_000);
