import { eq, sql } from 'drizzle-orm';
import type { VerifyCheck, Violation } from '../../server/module.ts';
import { freelancerAccount, getBalanceByKey, platformAccount } from '../ledger/accounts.ts';
import { getReversalOf, getTransferByKey } from '../ledger/transfers.ts';
import { payoutProcessorFor } from './payout-processor.ts';
import { earningReleaseKey } from './release-pending-earnings.ts';
import { earnings, withdrawals } from './tables.ts';
import { netOf, type Withdrawal, withdrawalKeys } from './withdrawal.ts';

const inFlightMatchesWithdrawals: VerifyCheck = {
  name: 'payouts.in_flight_balance',
  description: "Each freelancer's payout-in-flight balance equals the sum of their in-flight withdrawals",
  async run(tx) {
    const expected = await tx
      .select({
        freelancerId: withdrawals.freelancerId,
        currency: withdrawals.currency,
        total: sql<number>`coalesce(sum(${withdrawals.amountCents} - ${withdrawals.feeCents})
          filter (where ${withdrawals.state} = 'in_flight'), 0)::bigint`,
      })
      .from(withdrawals)
      .groupBy(withdrawals.freelancerId, withdrawals.currency);
    const violations: Violation[] = [];
    for (const row of expected) {
      const balance = await getBalanceByKey(tx, freelancerAccount(row.freelancerId, 'payout_in_flight', row.currency));
      if (balance !== Number(row.total)) {
        violations.push({
          subject: `freelancer ${row.freelancerId} ${row.currency}`,
          message: `payout in flight is ${balance} but in-flight withdrawals add up to ${row.total}`,
        });
      }
    }
    return violations;
  },
};

async function withdrawalViolations(tx: Parameters<VerifyCheck['run']>[0], withdrawal: Withdrawal): Promise<string[]> {
  const problems: string[] = [];
  const start = await getTransferByKey(tx, withdrawalKeys.start(withdrawal.id));
  if (!start || start.id !== withdrawal.startTransferId) {
    return [`records start transfer ${withdrawal.startTransferId}, the ledger has ${start?.id ?? 'none'}`];
  }
  const taken = -start.postings.filter((posting) => posting.amountCents < 0).reduce((sum, p) => sum + p.amountCents, 0);
  if (taken !== withdrawal.amountCents)
    problems.push(`withdrew ${withdrawal.amountCents} but its start transfer moved ${taken}`);
  const completed = await getTransferByKey(tx, withdrawalKeys.complete(withdrawal.id));
  const reversal = await getReversalOf(tx, start.id);
  if (withdrawal.state === 'completed') {
    if (!completed || completed.id !== withdrawal.settleTransferId)
      problems.push('is completed without its payout transfer');
    if (reversal) problems.push(`is completed but its start was reversed by ${reversal.id}`);
    const paid = completed?.postings.find((posting) => posting.amountCents > 0)?.amountCents;
    if (completed && paid !== netOf(withdrawal)) problems.push(`paid out ${paid}, expected ${netOf(withdrawal)}`);
  } else if (withdrawal.state === 'failed') {
    if (!reversal || reversal.id !== withdrawal.settleTransferId)
      problems.push('failed without the reversal returning its money');
    if (completed) problems.push(`failed but has payout transfer ${completed.id}`);
  } else if (completed || reversal) {
    problems.push('is in flight but already has a settling transfer');
  }
  return problems;
}

const withdrawalsHaveTransfers: VerifyCheck = {
  name: 'payouts.withdrawal_transfers',
  description:
    'Every withdrawal has its start transfer; every completed or failed one its settling transfer, and only those',
  async run(tx) {
    const violations: Violation[] = [];
    for (const withdrawal of await tx.select().from(withdrawals)) {
      for (const message of await withdrawalViolations(tx, withdrawal)) {
        violations.push({ subject: `withdrawal ${withdrawal.id}`, message });
      }
    }
    return violations;
  },
};

const payoutClearingReconciles: VerifyCheck = {
  name: 'payouts.payout_clearing',
  description: 'Payout clearing equals the completed withdrawals and the payouts the processor records as paid',
  async run(tx, services) {
    const all = await tx.select().from(withdrawals);
    const completed = new Map<string, number>();
    const inFlightKeys = new Set<string>();
    for (const withdrawal of all) {
      if (withdrawal.state === 'completed') {
        completed.set(withdrawal.currency, (completed.get(withdrawal.currency) ?? 0) + netOf(withdrawal));
      }
      if (withdrawal.state === 'in_flight') inFlightKeys.add(withdrawal.processorKey);
    }
    // A payout the processor paid whose settling transaction has not committed yet is excused.
    const processorPaid = new Map<string, number>();
    for (const payout of await payoutProcessorFor(services).paidPayouts()) {
      if (inFlightKeys.has(payout.idempotencyKey)) continue;
      processorPaid.set(payout.currency, (processorPaid.get(payout.currency) ?? 0) + payout.amountCents);
    }
    const violations: Violation[] = [];
    for (const currency of new Set([...completed.keys(), ...processorPaid.keys(), 'USD'])) {
      const clearing = await getBalanceByKey(tx, platformAccount('payout_clearing', currency));
      const ours = completed.get(currency) ?? 0;
      const theirs = processorPaid.get(currency) ?? 0;
      if (clearing !== ours || ours !== theirs) {
        violations.push({
          subject: `payout_clearing ${currency}`,
          message: `ledger ${clearing}, completed withdrawals ${ours}, processor paid ${theirs}`,
        });
      }
    }
    return violations;
  },
};

const pendingMatchesEarnings: VerifyCheck = {
  name: 'payouts.pending_earnings',
  description:
    "Each freelancer's pending balance equals their unreleased earnings; every released one has its transfer",
  async run(tx) {
    const violations: Violation[] = [];
    const totals = await tx
      .select({
        freelancerId: earnings.freelancerId,
        currency: earnings.currency,
        total: sql<number>`coalesce(sum(${earnings.amountCents}) filter (where ${earnings.state} = 'pending'), 0)::bigint`,
      })
      .from(earnings)
      .groupBy(earnings.freelancerId, earnings.currency);
    for (const row of totals) {
      const balance = await getBalanceByKey(tx, freelancerAccount(row.freelancerId, 'pending', row.currency));
      if (balance !== Number(row.total)) {
        violations.push({
          subject: `freelancer ${row.freelancerId} ${row.currency}`,
          message: `pending balance is ${balance} but unreleased earnings add up to ${row.total}`,
        });
      }
    }
    for (const earning of await tx.select().from(earnings).where(eq(earnings.state, 'available'))) {
      const release = await getTransferByKey(tx, earningReleaseKey(earning.id));
      if (!release || release.id !== earning.releaseTransferId) {
        violations.push({ subject: `earning ${earning.id}`, message: 'is available without its release transfer' });
      }
    }
    return violations;
  },
};

export const payoutChecks: VerifyCheck[] = [
  inFlightMatchesWithdrawals,
  withdrawalsHaveTransfers,
  payoutClearingReconciles,
  pendingMatchesEarnings,
];
