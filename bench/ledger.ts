import { parseArgs } from 'node:util';
import { connect, type Database } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { inTransaction } from '../src/db/transaction.ts';
import {
  escrowAccount,
  freelancerAccount,
  getBalance,
  getOrCreateAccount,
  platformAccount,
} from '../src/modules/ledger/accounts.ts';
import { ledgerChecks } from '../src/modules/ledger/checks.ts';
import { fundEscrow, recordCharge, releaseEscrow } from '../src/modules/ledger/movements.ts';
import { postTransfer, type TransferInput } from '../src/modules/ledger/post-transfer.ts';
import { TransferBatcher } from '../src/modules/ledger/transfer-batcher.ts';
import { newId } from '../src/platform/ids.ts';
import { findPgbench, openBenchDatabase, runPgbench } from './server.ts';

/*
 * Ledger throughput against pgbench's TPC-B-like script on the same server in the same run.
 * Every ledger transfer is an escrow release: a random contract's escrow (guarded) pays a random
 * freelancer's pending account and the single platform-fee account, the hot row (as pgbench's one
 * branch row is at scale 1).
 */

const CURRENCY = 'USD';

interface Contract {
  contractId: string;
  freelancerId: string;
  escrowId: string;
  pendingId: string;
}

interface RunResult {
  transfers: number;
  seconds: number;
  rate: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU this Node process spent per transfer (the benchmark client, like pgbench's own CPU). */
  clientCpuMs: number;
}

export async function runLedgerBench(argv: string[]): Promise<boolean> {
  const { values } = parseArgs({
    args: argv,
    options: {
      duration: { type: 'string', default: '15' },
      /** The duration is split into this many pgbench/ledger pairs, run in turn, so that both meet the same load. */
      rounds: { type: 'string', default: '3' },
      clients: { type: 'string', default: '16' },
      contracts: { type: 'string', default: '1000' },
      'skip-pgbench': { type: 'boolean', default: false },
      /** fsync off on the embedded server: compares CPU costs instead of commit flushes. */
      fast: { type: 'boolean', default: false },
    },
  });
  const seconds = Number(values.duration);
  const rounds = Math.max(1, Number(values.rounds));
  const roundSeconds = Math.max(1, Math.round(seconds / rounds));
  const clients = Number(values.clients);
  const server = await openBenchDatabase('wr_bench_ledger', { fast: values.fast });
  const database = connect(server.url, { max: clients, applicationName: 'workroom-bench' });
  try {
    console.log(
      `ledger benchmark: ${clients} clients, ${rounds} x ${roundSeconds} s for pgbench and for the ledger, in turn; ${server.describe}`,
    );
    await runMigrations(database.db);
    const pgbench = values['skip-pgbench'] ? undefined : await findPgbench();
    if (pgbench) await runPgbench(pgbench, server.url, ['-i', '-s', '1', '-q']);
    const contracts = await setUp(database, Number(values.contracts), clients);
    const feeAccount = await getOrCreateAccount(
      database.db,
      platformAccount('platform_fee_revenue', CURRENCY),
      new Date(),
    );
    const feeBefore = await getBalance(database.db, feeAccount.id);

    let expectedFees = 0;
    /** A random escrow release by account ids: escrow (guarded) -> pending + the platform fee account. */
    const aRelease = (key: string): TransferInput => {
      const contract = pick(contracts);
      const gross = 100 + Math.floor(Math.random() * 9_900);
      const fee = Math.round(gross / 10);
      expectedFees += fee;
      return {
        idempotencyKey: key,
        reason: 'escrow.release',
        at: new Date(),
        refs: { contractId: contract.contractId },
        postings: [
          { accountId: contract.escrowId, amountCents: -gross },
          { accountId: contract.pendingId, amountCents: gross - fee },
          { accountId: feeAccount.id, amountCents: fee },
        ],
      };
    };

    const pgbenchRates: number[] = [];
    const ledgerRuns: RunResult[] = [];
    const groupedRuns: RunResult[] = [];
    const batcher = new TransferBatcher(database.db);
    for (let round = 1; round <= rounds; round++) {
      if (pgbench) {
        const output = await runPgbench(pgbench, server.url, [
          ...['-b', 'tpcb-like', '-s', '1', '-c', String(clients), '-j', '2', '-T', String(roundSeconds)],
        ]);
        pgbenchRates.push(Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(output)?.[1]));
      }
      // One transfer per transaction: one statement on the pool, one round trip.
      ledgerRuns.push(
        await runTransfers(database, clients, roundSeconds, async (db, key) => {
          await postTransfer(db, aRelease(key));
        }),
      );
      // The same transfers through the group-commit batcher: each client still posts one transfer
      // at a time and waits for its commit.
      groupedRuns.push(
        await runTransfers(database, clients, roundSeconds, async (_db, key) => {
          await batcher.post(aRelease(key));
        }),
      );
      const against = pgbenchRates.at(-1);
      console.log(
        `  round ${round}: ${against ? `pgbench ${against.toFixed(0)} tps, ` : ''}ledger ${ledgerRuns.at(-1)?.rate.toFixed(0)} transfers/s, with group commit ${groupedRuns.at(-1)?.rate.toFixed(0)}`,
      );
    }
    const pgbenchTps = pgbenchRates.length > 0 ? mean(pgbenchRates) : undefined;
    if (pgbenchTps) {
      console.log(`pgbench -b tpcb-like -s 1 -c ${clients} -j 2: ${pgbenchTps.toFixed(0)} tps  (${pgbench})`);
    }
    const single = combine(ledgerRuns);
    report('ledger, one transfer per transaction', single, pgbenchTps);
    const grouped = combine(groupedRuns);
    report('ledger, group commit (TransferBatcher)', grouped, pgbenchTps);

    // For comparison, as a use case does it: inside ctx.tx (BEGIN ... COMMIT), accounts named by key.
    const inTx = await runTransfers(database, clients, roundSeconds, async (db, key) => {
      const contract = pick(contracts);
      const gross = 100 + Math.floor(Math.random() * 9_900);
      const fee = Math.round(gross / 10);
      expectedFees += fee;
      await inTransaction(db, (tx) =>
        postTransfer(
          tx,
          releaseEscrow({
            idempotencyKey: key,
            at: new Date(),
            contractId: contract.contractId,
            freelancerId: contract.freelancerId,
            currency: CURRENCY,
            grossCents: gross,
            feeCents: fee,
          }),
        ),
      );
    });
    report('ledger, in a use-case transaction, accounts by key', inTx, pgbenchTps);

    const feeGained = (await getBalance(database.db, feeAccount.id)) - feeBefore;
    const violations = [];
    for (const check of ledgerChecks) {
      const found = await inTransaction(database.db, (tx) => check.run(tx, undefined as never));
      violations.push(...found.map((violation) => `${check.name}: ${violation.subject}: ${violation.message}`));
    }
    const ok = violations.length === 0 && feeGained === expectedFees;
    console.log(
      `checks: fee account gained ${feeGained} cents (expected ${expectedFees}); ${
        violations.length === 0 ? 'ledger verify clean' : `violations:\n  ${violations.join('\n  ')}`
      }`,
    );
    if (pgbenchTps) {
      const ratio = single.rate / pgbenchTps;
      const groupedRatio = grouped.rate / pgbenchTps;
      console.log(
        `RATIO ledger/pgbench = ${ratio.toFixed(2)} one transfer per transaction, ${groupedRatio.toFixed(2)} with group commit (target >= 1.5)`,
      );
      return ok && ratio >= 1.5;
    }
    return ok;
  } finally {
    await database.close();
    await server.close();
  }
}

const mean = (numbers: number[]) => numbers.reduce((sum, value) => sum + value, 0) / numbers.length;

/** Several runs as one: total transfers over total time, latencies and CPU weighted by transfers. */
function combine(runs: RunResult[]): RunResult {
  const transfers = runs.reduce((sum, run) => sum + run.transfers, 0);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  const weighted = (pick: (run: RunResult) => number) =>
    runs.reduce((sum, run) => sum + pick(run) * run.transfers, 0) / Math.max(1, transfers);
  return {
    transfers,
    seconds,
    rate: transfers / seconds,
    p50Ms: weighted((run) => run.p50Ms),
    p99Ms: Math.max(...runs.map((run) => run.p99Ms)),
    clientCpuMs: weighted((run) => run.clientCpuMs),
  };
}

function report(label: string, result: RunResult, pgbenchTps: number | undefined) {
  const ratio = pgbenchTps ? `  ratio ${(result.rate / pgbenchTps).toFixed(2)}` : '';
  console.log(
    `${label}: ${result.rate.toFixed(0)} transfers/s (${result.transfers} in ${result.seconds.toFixed(1)} s, p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms, client CPU ${result.clientCpuMs.toFixed(3)} ms/transfer)${ratio}`,
  );
}

function pick<T>(items: T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T;
}

/** Contracts with well-funded escrow, so that the measured transfers never run out. */
async function setUp(database: Database, count: number, parallel: number): Promise<Contract[]> {
  const clientId = newId();
  const now = new Date();
  const funding = 1_000_000_000;
  await postTransfer(
    database.db,
    recordCharge({ idempotencyKey: newId(), at: now, clientId, currency: CURRENCY, amountCents: funding * count }),
  );
  const contracts: Contract[] = [];
  const queue = Array.from({ length: count }, () => ({ contractId: newId(), freelancerId: newId() }));
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let next = queue.pop(); next; next = queue.pop()) {
        const { contractId, freelancerId } = next;
        await postTransfer(
          database.db,
          fundEscrow({
            idempotencyKey: newId(),
            at: now,
            clientId,
            contractId,
            currency: CURRENCY,
            amountCents: funding,
          }),
        );
        const escrow = await getOrCreateAccount(database.db, escrowAccount(contractId, CURRENCY), now);
        const pending = await getOrCreateAccount(
          database.db,
          freelancerAccount(freelancerId, 'pending', CURRENCY),
          now,
        );
        contracts.push({ contractId, freelancerId, escrowId: escrow.id, pendingId: pending.id });
      }
    }),
  );
  await database.pool.query('vacuum analyze');
  return contracts;
}

async function runTransfers(
  database: Database,
  clients: number,
  seconds: number,
  transfer: (db: Database['db'], key: string) => Promise<void>,
): Promise<RunResult> {
  const run = newId().slice(0, 8);
  const latencies: number[] = [];
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let index = 0; performance.now() < deadline; index++) {
        const begun = performance.now();
        await transfer(database.db, `bench:${run}:${client}:${index}`);
        latencies.push(performance.now() - begun);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const clientCpuMs = (cpu.user + cpu.system) / 1000 / Math.max(1, latencies.length);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    transfers: latencies.length,
    seconds: elapsed,
    rate: latencies.length / elapsed,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    clientCpuMs,
  };
}
