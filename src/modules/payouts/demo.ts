import { createHash } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import { DAY } from '../../platform/clock.ts';
import { type Actor, type Ctx, makeCtx, type Services } from '../../server/context.ts';
import type { DemoStep } from '../../server/module.ts';
import type { DemoUser, DemoUsers } from '../accounts/demo.ts';
import { feeScheduleInForce, splitPayment } from '../fees/index.ts';
import { fundEscrow } from '../ledger/movements.ts';
import { postTransfer } from '../ledger/post-transfer.ts';
import { addBillingMethod } from '../payments/add-billing-method.ts';
import { chargeClient, SANDBOX_CARDS } from '../payments/index.ts';
import { listBillingMethods } from '../payments/list-billing-methods.ts';
import { addPayoutMethod } from './add-payout-method.ts';
import type { NewPayoutMethod } from './payout-details.ts';
import { listLivePayoutMethods } from './payout-method.ts';
import { processPayouts } from './process-payouts.ts';
import { releaseEscrowAsEarning } from './record-earning.ts';
import { releasePendingEarnings } from './release-pending-earnings.ts';
import { startWithdrawal } from './start-withdrawal.ts';
import { submitPayout } from './submit-payout.ts';

/** Earnings each demo freelancer gets, oldest first: [days ago, gross cents, what for]. */
const demoEarnings: [number, number, string][] = [
  [40, 120_000, 'Milestone 1: Discovery and wireframes'],
  [12, 80_000, 'Milestone 2: Design system and key screens'],
  [2, 45_000, 'Milestone 3: Handover and fixes'],
];
const WITHDRAWN_CENTS = 50_000;
const methods: NewPayoutMethod[] = [
  {
    type: 'us_bank_ach',
    accountHolder: '',
    routingNumber: '110000000',
    accountNumber: '000123456789',
    accountType: 'checking',
  },
  { type: 'paypal', email: '' },
  {
    type: 'local_bank',
    accountHolder: '',
    bankName: 'Deutsche Bank',
    country: 'DE',
    accountNumber: 'DE89370400440532013000',
  },
  { type: 'payoneer', email: '' },
];
const FREELANCERS_WITH_EARNINGS = methods.length;

/** A clock stopped in the past: the demo tells a story that began weeks ago. */
const clockAt = (at: Date): Clock => ({ now: () => at });

/** A stable uuid from a name, so that a second `workroom demo` finds what the first one made. */
function demoUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function actorOf(user: DemoUser, role: 'client' | 'freelancer'): Actor {
  return { userId: user.id, email: user.email, roles: [role], sessionId: null, apiTokenId: null };
}

function ctxAt(services: Services, at: Date, actor: Actor | null): Ctx {
  return makeCtx({ ...services, clock: clockAt(at) }, actor, `demo-payouts-${at.getTime()}`);
}

function withName(method: NewPayoutMethod, user: DemoUser): NewPayoutMethod {
  if (method.type === 'paypal' || method.type === 'payoneer') {
    return { ...method, email: `${user.email.split('@')[0]}@example.com` };
  }
  return { ...method, accountHolder: user.displayName };
}

/**
 * Demo freelancers get weeks of history: earnings released from demo clients' escrow (the oldest
 * now available, the newest still pending), a payout method added a month ago and a completed
 * withdrawal. Everything goes through the services with a clock set in the past, in time order (so
 * running balances read naturally), and with fixed keys, so running the demo again changes nothing.
 * It runs before the payments demo adds today's funds. The contracts issue may replace the escrow
 * part with real contracts.
 */
export const payoutsDemo: DemoStep = {
  name: 'payouts',
  order: 35,
  units: 4,
  async run(demo) {
    const users = demo.state.get('accounts.users') as DemoUsers | undefined;
    if (!users || users.clients.length === 0) return;
    const { services } = demo;
    const now = services.clock.now();
    const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
    const freelancers = users.freelancers.slice(0, FREELANCERS_WITH_EARNINGS);
    const clientOf = (index: number) => users.clients[index % users.clients.length] as DemoUser;

    // 1. Each client pays in what its escrow will need, a day before the first milestone.
    for (const [clientIndex, client] of users.clients.entries()) {
      const owed = freelancers.filter((_, index) => index % users.clients.length === clientIndex).length;
      if (owed === 0) continue;
      const ctx = ctxAt(services, daysAgo(41), actorOf(client, 'client'));
      if ((await listBillingMethods(ctx)).methods.length === 0) {
        await addBillingMethod(ctx, {
          type: 'card',
          number: SANDBOX_CARDS.succeeds,
          expMonth: 12,
          expYear: now.getUTCFullYear() + 3,
          cvc: '123',
          name: client.displayName,
        });
      }
      const total = owed * demoEarnings.reduce((sum, [, gross]) => sum + gross, 0);
      await chargeClient(ctx, {
        clientId: client.id,
        amountCents: total,
        currency: 'USD',
        purpose: 'add_funds',
        idempotencyKey: 'demo-payouts-escrow-funds',
      });
    }
    demo.progress('client funds');

    const pay = async (index: number, earningIndex: number) => {
      const [days, gross, description] = demoEarnings[earningIndex] as [number, number, string];
      const freelancer = freelancers[index] as DemoUser;
      const client = clientOf(index);
      const at = daysAgo(days);
      const contractId = demoUuid(`demo-contract:${freelancer.id}:${client.id}`);
      const key = `demo:payouts:${freelancer.id}:earning-${earningIndex}`;
      await services.db.transaction(async (tx) => {
        const schedule = await feeScheduleInForce(tx, at);
        const prior = demoEarnings.slice(0, earningIndex).reduce((sum, [, amount]) => sum + amount, 0);
        const split = splitPayment({ grossCents: gross, priorBilledCents: prior, schedule });
        const refs = { contractId, userId: client.id, extra: { demo: true, description } };
        await postTransfer(
          tx,
          fundEscrow({
            idempotencyKey: `${key}:fund`,
            at,
            clientId: client.id,
            contractId,
            currency: 'USD',
            amountCents: gross,
            refs,
          }),
        );
        await releaseEscrowAsEarning(tx, {
          idempotencyKey: `${key}:release`,
          at,
          contractId,
          clientId: client.id,
          freelancerId: freelancer.id,
          currency: 'USD',
          grossCents: gross,
          feeCents: split.feeCents,
          kind: 'fixed_price',
          description,
          refs: { extra: { demo: true, feeScheduleVersion: split.scheduleVersion } },
        });
      });
    };

    // 2. The first milestone is paid 40 days ago; payout methods are added 30 days ago.
    for (const index of freelancers.keys()) await pay(index, 0);
    for (const [index, freelancer] of freelancers.entries()) {
      const ctx = ctxAt(services, daysAgo(30), actorOf(freelancer, 'freelancer'));
      if ((await listLivePayoutMethods(ctx.db, freelancer.id)).length === 0) {
        await addPayoutMethod(ctx, withName(methods[index] as NewPayoutMethod, freelancer));
      }
    }
    demo.progress('first earnings and payout methods');

    // 3. The earnings clear, each freelancer withdraws, and the processor pays it out.
    await releasePendingEarnings(ctxAt(services, daysAgo(26), null));
    for (const freelancer of freelancers) {
      const at = daysAgo(26);
      const [method] = await listLivePayoutMethods(services.db, freelancer.id);
      if (!method) continue;
      const withdrawal = await services.db.transaction((tx) =>
        startWithdrawal(tx, at, {
          freelancerId: freelancer.id,
          payoutMethodId: method.id,
          amountCents: WITHDRAWN_CENTS,
          currency: 'USD',
          idempotencyKey: 'demo-withdrawal-1',
        }),
      );
      await submitPayout({ db: services.db, clock: clockAt(at) }, withdrawal);
    }
    await processPayouts(ctxAt(services, daysAgo(19), null));
    demo.progress('withdrawals');

    // 4. Two more milestones: one cleared last week, one still in its security period.
    for (const index of freelancers.keys()) await pay(index, 1);
    await releasePendingEarnings(ctxAt(services, daysAgo(6), null));
    for (const index of freelancers.keys()) await pay(index, 2);
    demo.progress('recent earnings');
  },
};
