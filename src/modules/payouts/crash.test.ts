import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runVerify } from '../../cli/run-verify.ts';
import { connect, type Database } from '../../db/client.ts';
import { freePort } from '../../db/embedded.ts';
import { AdjustableClock, DAY, MINUTE } from '../../platform/clock.ts';
import { loadConfig } from '../../platform/config.ts';
import { newId } from '../../platform/ids.ts';
import { createLogger } from '../../platform/logger.ts';
import { makeCtx, type Services } from '../../server/context.ts';
import { createTestDatabase } from '../../test/harness.ts';
import { createAccount } from '../accounts/create-account.ts';
import { startSession } from '../accounts/sessions.ts';
import { idempotencyKeys } from '../idempotency/tables.ts';
import { clientFundingAccount, getBalanceByKey } from '../ledger/accounts.ts';
import { getTransferByKey } from '../ledger/transfers.ts';
import { chargeTransferKey } from '../payments/charge.ts';
import { SANDBOX_CARDS } from '../payments/index.ts';
import { paymentCharges } from '../payments/tables.ts';
import { advanceClock } from '../scheduler/index.ts';
import { addPayoutMethod } from './add-payout-method.ts';
import { releasePendingEarnings } from './release-pending-earnings.ts';
import { withdrawals } from './tables.ts';
import { balanceOf, creditEarning, TEST_ROUTING_NUMBER } from './test-support.ts';
import { withdrawalKeys } from './withdrawal.ts';

/*
 * The crash test: the real server (`workroom serve`) as a child process, a burst of money requests
 * with distinct Idempotency-Keys, SIGKILL in the middle, a restart, every unanswered request sent
 * again with its key, then: every acknowledged request's effect is there exactly once, and
 * `workroom verify` is clean.
 */

const bin = path.resolve(import.meta.dirname, '../../../bin/workroom.js');
const CHARGES = 100;
const WITHDRAWALS = 100;
const CHARGE_CENTS = 1_234;
const WITHDRAWAL_CENTS = 500;
const KILL_AFTER_RESPONSES = 40;

interface MoneyRequest {
  kind: 'charge' | 'withdrawal';
  key: string;
  path: string;
  body: object;
  cookie: string;
  /** The first final answer received (before or after the crash). */
  response?: { status: number; body: { id?: string; code?: string } };
  acknowledgedBeforeCrash?: boolean;
}

let database: Database;
let services: Services;
let clock: AdjustableClock;
let env: NodeJS.ProcessEnv;
let baseUrl: string;
let dataDir: string;
let server: ChildProcess | null = null;

async function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bin, 'serve', '--skip-web-build'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    child.stdout?.on('data', () => {
      if (output.includes('Workroom is running at')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}):\n${output}`));
    });
  });
  child.removeAllListeners('exit');
  // A server dying on its own (not by our SIGKILL) would explain a failed request: say why.
  child.once('exit', (code, signal) => {
    if (signal !== 'SIGKILL') console.error(`server exited (${code ?? signal}):\n${output}`);
  });
  return child;
}

async function send(request: MoneyRequest): Promise<MoneyRequest['response']> {
  const res = await fetch(baseUrl + request.path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: baseUrl,
      cookie: request.cookie,
      'idempotency-key': request.key,
    },
    body: JSON.stringify(request.body),
  });
  return { status: res.status, body: (await res.json()) as { id?: string; code?: string } };
}

/** Sends until a final answer: a duplicate still running (409 in progress) is retried, like a client would. */
async function sendUntilFinal(request: MoneyRequest): Promise<NonNullable<MoneyRequest['response']>> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const response = await send(request);
    if (response && !(response.status === 409 && response.body.code === 'idempotency_in_progress')) return response;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no final answer for ${request.kind} ${request.key}`);
}

beforeAll(async () => {
  const { url } = await createTestDatabase();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'workroom-crash-'));
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  env = {
    ...process.env,
    DATABASE_URL: url,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: baseUrl,
    SCHEDULER: 'false',
    CLOCK_CONTROL: 'true',
    LOG_LEVEL: 'error',
  };
  const config = loadConfig({ DATABASE_URL: url, DATA_DIR: dataDir, SCHEDULER: 'false', LOG_LEVEL: 'silent' });
  database = connect(url, { max: 4 });
  clock = new AdjustableClock();
  services = { db: database.db, clock, config, log: createLogger('silent') };
});

afterAll(async () => {
  server?.kill('SIGKILL');
  await database?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

async function aUserWithSession(role: 'client' | 'freelancer') {
  const account = await createAccount(services, {
    email: `${role}-${newId().slice(0, 8)}@example.test`,
    displayName: `Crash ${role}`,
    password: 'a long crash test passphrase',
    role,
  });
  const session = await startSession(services.db, services, {
    userId: account.id,
    client: { userAgent: 'crash', ip: '127.0.0.1' },
  });
  return { account, cookie: `wr_session=${session.token}` };
}

describe('SIGKILL during a burst of money requests', () => {
  test('every acknowledged request takes effect exactly once, and verify is clean', async () => {
    // A client to charge and a freelancer with $1,000 available and an ACH account past its hold.
    const client = await aUserWithSession('client');
    const freelancer = await aUserWithSession('freelancer');
    const payer = await aUserWithSession('client');
    const past = makeCtx(
      { ...services, clock: { now: () => new Date(clock.now().getTime() - 4 * DAY) } },
      null,
      'seed',
    );
    server = await startServer();
    for (const who of [client, payer]) {
      const card = await fetch(`${baseUrl}/api/billing-methods`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: baseUrl, cookie: who.cookie },
        body: JSON.stringify({
          type: 'card',
          number: SANDBOX_CARDS.succeeds,
          expMonth: 12,
          expYear: clock.now().getUTCFullYear() + 2,
          cvc: '123',
          name: 'Crash Test',
        }),
      });
      expect(card.status).toBe(201);
    }
    const seed = await send({
      kind: 'charge',
      key: newId(),
      path: '/api/payments/charges',
      body: { amountCents: 200_000, currency: 'USD' },
      cookie: payer.cookie,
    });
    expect(seed?.status).toBe(201);
    await creditEarning(
      { services, clock },
      {
        clientId: payer.account.id,
        freelancerId: freelancer.account.id,
        grossCents: 100_000,
        availableAt: clock.now(),
      },
    );
    await releasePendingEarnings(makeCtx(services, null, 'seed'));
    const method = await addPayoutMethod(
      {
        ...past,
        actor: {
          userId: freelancer.account.id,
          email: freelancer.account.email,
          roles: ['freelancer'],
          sessionId: null,
          apiTokenId: null,
        },
      },
      {
        type: 'us_bank_ach',
        accountHolder: 'Crash Freelancer',
        routingNumber: TEST_ROUTING_NUMBER,
        accountNumber: '4445556667',
        accountType: 'checking',
      },
    );
    expect(await balanceOf({ services }, freelancer.account.id, 'available')).toBe(100_000);

    const requests: MoneyRequest[] = [
      ...Array.from(
        { length: CHARGES },
        (): MoneyRequest => ({
          kind: 'charge',
          key: newId(),
          path: '/api/payments/charges',
          body: { amountCents: CHARGE_CENTS, currency: 'USD' },
          cookie: client.cookie,
        }),
      ),
      ...Array.from(
        { length: WITHDRAWALS },
        (): MoneyRequest => ({
          kind: 'withdrawal',
          key: newId(),
          path: '/api/payouts/withdrawals',
          body: { payoutMethodId: method.id, amountCents: WITHDRAWAL_CENTS, currency: 'USD' },
          cookie: freelancer.cookie,
        }),
      ),
    ].sort(() => Math.random() - 0.5);

    // The burst: all at once; SIGKILL once some answers are in.
    let answered = 0;
    const running = server;
    await Promise.allSettled(
      requests.map(async (request) => {
        const response = await send(request);
        request.response = response;
        request.acknowledgedBeforeCrash = true;
        answered++;
        if (answered === KILL_AFTER_RESPONSES) running.kill('SIGKILL');
      }),
    );
    await new Promise((resolve) =>
      running.exitCode !== null || running.signalCode ? resolve(null) : running.once('exit', resolve),
    );
    const acknowledged = requests.filter((request) => request.acknowledgedBeforeCrash);
    const lost = requests.filter((request) => !request.acknowledgedBeforeCrash);
    // What the crash left half-done: work committed whose answer was lost, charges between their
    // steps, keys still held by requests that died.
    const lostKeys = lost.map((request) => request.key);
    const committedButLost =
      (
        await services.db
          .select({ id: withdrawals.id })
          .from(withdrawals)
          .where(inArray(withdrawals.idempotencyKey, lostKeys))
      ).length +
      (
        await services.db
          .select({ id: paymentCharges.id })
          .from(paymentCharges)
          .where(inArray(paymentCharges.idempotencyKey, lostKeys))
      ).length;
    const pendingCharges = (
      await services.db
        .select({ id: paymentCharges.id })
        .from(paymentCharges)
        .where(eq(paymentCharges.state, 'pending'))
    ).length;
    const runningKeys = (
      await services.db
        .select({ key: idempotencyKeys.key })
        .from(idempotencyKeys)
        .where(eq(idempotencyKeys.state, 'running'))
    ).length;
    console.log(
      `crash test: ${acknowledged.length} answered before SIGKILL, ${lost.length} lost; of the lost, ${committedButLost} had committed rows; ${pendingCharges} charges pending, ${runningKeys} idempotency keys still running`,
    );
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_RESPONSES);
    expect(lost.length).toBeGreaterThan(0);
    for (const request of acknowledged) expect(request.response?.status, JSON.stringify(request.response)).toBe(201);

    // Restart with the clock past the 2-minute lease of requests that died mid-flight, and resend.
    await advanceClock(services.db, clock, 3 * MINUTE);
    server = await startServer();
    for (const request of lost) request.response = await sendUntilFinal(request);
    // Acknowledged requests sent again replay their first answer and change nothing.
    for (const request of acknowledged.slice(0, 10)) {
      const again = await sendUntilFinal(request);
      expect(again).toEqual(request.response);
    }
    server.kill('SIGKILL');
    server = null;

    for (const request of requests) expect(request.response?.status, JSON.stringify(request.response)).toBe(201);
    const charges = await services.db
      .select()
      .from(paymentCharges)
      .where(eq(paymentCharges.clientId, client.account.id));
    expect(charges).toHaveLength(CHARGES);
    const chargeByKey = new Map(charges.map((charge) => [charge.idempotencyKey, charge]));
    for (const request of requests.filter((r) => r.kind === 'charge')) {
      const charge = chargeByKey.get(request.key);
      expect(charge?.id).toBe(request.response?.body.id);
      expect(charge?.state).toBe('succeeded');
      expect((await getTransferByKey(services.db, chargeTransferKey(charge?.id ?? '')))?.id).toBe(
        charge?.ledgerTransferId,
      );
    }
    expect(await getBalanceByKey(services.db, clientFundingAccount(client.account.id, 'USD'))).toBe(
      CHARGES * CHARGE_CENTS,
    );

    const made = await services.db
      .select()
      .from(withdrawals)
      .where(
        inArray(
          withdrawals.idempotencyKey,
          requests.filter((r) => r.kind === 'withdrawal').map((r) => r.key),
        ),
      );
    expect(made).toHaveLength(WITHDRAWALS);
    const withdrawalByKey = new Map(made.map((withdrawal) => [withdrawal.idempotencyKey, withdrawal]));
    for (const request of requests.filter((r) => r.kind === 'withdrawal')) {
      const withdrawal = withdrawalByKey.get(request.key);
      expect(withdrawal?.id).toBe(request.response?.body.id);
      expect((await getTransferByKey(services.db, withdrawalKeys.start(withdrawal?.id ?? '')))?.id).toBe(
        withdrawal?.startTransferId,
      );
    }
    expect(await balanceOf({ services }, freelancer.account.id, 'available')).toBe(
      100_000 - WITHDRAWALS * WITHDRAWAL_CENTS,
    );
    expect(await balanceOf({ services }, freelancer.account.id, 'payout_in_flight')).toBe(
      WITHDRAWALS * WITHDRAWAL_CENTS,
    );

    const results = await runVerify(services);
    const problems = results.filter((result) => result.violations.length > 0 || result.error);
    expect(problems).toEqual([]);
  }, 300_000);
});
