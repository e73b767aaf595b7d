import { randomUUID } from 'node:crypto';
import { runVerify } from '../../cli/run-verify.ts';
import type { TestApp } from '../../test/harness.ts';
import { clientFundingAccount, escrowAccount, freelancerAccount, getBalanceByKey } from '../ledger/accounts.ts';
import { runDueTasks } from '../scheduler/index.ts';
import { milestonesModule } from './module.ts';

/** Test-only helpers for the fixed-price lifecycle tests. */

export const key = () => ({ 'idempotency-key': randomUUID() });

/** A submission body checking every criterion of the factory's default acceptance criteria. */
export function submission(overrides: Record<string, unknown> = {}) {
  return {
    message: 'Here are the designs for all three steps.',
    deliverables: [
      { criterion: 'Designs for every step', met: true, note: 'Figma link in the file' },
      { criterion: 'Reviewed in a call', met: true, note: '' },
    ],
    ...overrides,
  };
}

export interface Balances {
  escrow: number;
  clientFunds: number;
  pending: number;
  available: number;
}

export async function balancesOf(
  t: TestApp,
  contract: { id: string; client: { id: string }; freelancer: { id: string } },
): Promise<Balances> {
  const db = t.services.db;
  const [escrow, clientFunds, pending, available] = await Promise.all([
    getBalanceByKey(db, escrowAccount(contract.id, 'USD')),
    getBalanceByKey(db, clientFundingAccount(contract.client.id, 'USD')),
    getBalanceByKey(db, freelancerAccount(contract.freelancer.id, 'pending', 'USD')),
    getBalanceByKey(db, freelancerAccount(contract.freelancer.id, 'available', 'USD')),
  ]);
  return { escrow, clientFunds, pending, available };
}

/** Runs this module's scheduled tasks (auto-approval, unanswered ends) as the scheduler would. */
export const runLifecycleTasks = (t: TestApp) => runDueTasks(t.services, milestonesModule.tasks ?? []);

const MONEY_MODULES = ['ledger', 'payments', 'payouts', 'contracts', 'offers', 'milestones', 'contract-record'];

/** What `workroom verify` finds wrong in the modules money and contracts touch (empty: clean). */
export async function verifyProblems(t: TestApp): Promise<string[]> {
  const results = await runVerify(t.services);
  return results
    .filter((result) => MONEY_MODULES.includes(result.module))
    .flatMap((result) => [
      ...(result.error ? [`${result.name}: ${result.error}`] : []),
      ...result.violations.map((violation) => `${result.name}: ${violation.subject}: ${violation.message}`),
    ]);
}
