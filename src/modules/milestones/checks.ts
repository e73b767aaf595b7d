import { sql } from 'drizzle-orm';
import type { VerifyCheck, Violation } from '../../server/module.ts';
import { escrowAccount, getBalanceByKey } from '../ledger/accounts.ts';

/*
 * `workroom verify` for the fixed-price lifecycle. The contracts module's check already holds each
 * contract's escrow to `sum(funded - released - refunded)` of its milestones; leftovers of partial
 * approvals stay inside that sum (a carry moves funding from one milestone to another), and a
 * bonus passes through escrow within one transaction, so that check covers this module too.
 */

const paymentsMatchLedger: VerifyCheck = {
  name: 'milestones.payments-match-ledger',
  description: 'Each contract payment has its escrow release transfer with the same gross, fee and net',
  async run(tx): Promise<Violation[]> {
    const result = await tx.execute<{ id: string; gross: number; fee: number; net: number; legs: string | null }>(sql`
      select cp.id, cp.gross_cents as gross, cp.service_fee_cents as fee, cp.net_cents as net,
             (select string_agg(a.kind || ':' || p.amount_cents, ',' order by a.kind)
                from ledger_postings p join ledger_accounts a on a.id = p.account_id
               where p.transfer_id = cp.transfer_id) as legs
        from contract_payments cp`);
    const violations: Violation[] = [];
    for (const row of result.rows) {
      const legs = new Map(
        (row.legs ?? '')
          .split(',')
          .filter(Boolean)
          .map((leg) => {
            const [kind, amount] = leg.split(':');
            return [kind as string, Number(amount)];
          }),
      );
      const ok =
        legs.get('escrow') === -Number(row.gross) &&
        (legs.get('platform_fee_revenue') ?? 0) === Number(row.fee) &&
        (legs.get('freelancer_pending') ?? 0) === Number(row.net);
      if (!ok) {
        violations.push({
          subject: `payment ${row.id}`,
          message: `records gross ${row.gross}, fee ${row.fee}, net ${row.net}; its transfer moved ${row.legs ?? 'nothing'}`,
        });
      }
    }
    return violations;
  },
};

const releasedMatchesPayments: VerifyCheck = {
  name: 'milestones.released-matches-payments',
  description: "Each milestone's released amount equals the payments made for it",
  async run(tx): Promise<Violation[]> {
    const result = await tx.execute<{ id: string; released: number; paid: number }>(sql`
      select m.id, m.released_cents as released, coalesce(sum(cp.gross_cents), 0)::bigint as paid
        from contract_milestones m left join contract_payments cp on cp.milestone_id = m.id
       group by m.id
      having m.released_cents <> coalesce(sum(cp.gross_cents), 0)`);
    return result.rows.map((row) => ({
      subject: `milestone ${row.id}`,
      message: `released ${row.released} but its payments add up to ${row.paid}`,
    }));
  },
};

const refundsMatchPayments: VerifyCheck = {
  name: 'milestones.refunds-match-payments',
  description: "Each payment's refunded amount equals its refunds, and each refund has its ledger transfer",
  async run(tx): Promise<Violation[]> {
    const sums = await tx.execute<{ id: string; refunded: number; refunds: number }>(sql`
      select cp.id, cp.refunded_cents as refunded, coalesce(sum(r.amount_cents), 0)::bigint as refunds
        from contract_payments cp left join payment_refunds r on r.payment_id = cp.id
       group by cp.id
      having cp.refunded_cents <> coalesce(sum(r.amount_cents), 0)`);
    const orphans = await tx.execute<{ id: string }>(sql`
      select r.id from payment_refunds r
       where not exists (select 1 from ledger_transfers t where t.id = r.transfer_id and t.reason = 'payment.refund')`);
    return [
      ...sums.rows.map((row) => ({
        subject: `payment ${row.id}`,
        message: `refunded ${row.refunded} but its refunds add up to ${row.refunds}`,
      })),
      ...orphans.rows.map((row) => ({ subject: `refund ${row.id}`, message: 'has no payment.refund transfer' })),
    ];
  },
};

const submittedHaveSubmissions: VerifyCheck = {
  name: 'milestones.submitted-have-submission',
  description: 'A milestone is submitted exactly when it has one submission waiting for review',
  async run(tx): Promise<Violation[]> {
    const result = await tx.execute<{ id: string; state: string; pending: number }>(sql`
      select m.id, m.state,
             (select count(*) from milestone_submissions s where s.milestone_id = m.id and s.outcome = 'pending')::int as pending
        from contract_milestones m`);
    return result.rows
      .filter((row) => (row.state === 'submitted') !== (Number(row.pending) === 1))
      .map((row) => ({
        subject: `milestone ${row.id}`,
        message: `is ${row.state} with ${row.pending} submission(s) waiting for review`,
      }));
  },
};

const endedContractsHoldNothing: VerifyCheck = {
  name: 'milestones.ended-contracts-empty',
  description: 'An ended contract holds no escrow (a disputed end keeps it until the dispute is settled)',
  async run(tx): Promise<Violation[]> {
    const ended = await tx.execute<{ id: string; currency: string }>(
      sql`select id, currency from contracts where state = 'ended'`,
    );
    const violations: Violation[] = [];
    for (const row of ended.rows) {
      const escrow = await getBalanceByKey(tx, escrowAccount(row.id, row.currency));
      if (escrow !== 0) violations.push({ subject: `contract ${row.id}`, message: `ended with ${escrow} in escrow` });
    }
    return violations;
  },
};

export const lifecycleChecks: VerifyCheck[] = [
  paymentsMatchLedger,
  releasedMatchesPayments,
  refundsMatchPayments,
  submittedHaveSubmissions,
  endedContractsHoldNothing,
];
