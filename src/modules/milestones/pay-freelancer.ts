import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import { newId } from '../../platform/ids.ts';
import type { ContractRow } from '../contracts/index.ts';
import { feeScheduleInForce, lifetimeBilledCents, type PaymentSplit, splitPayment } from '../fees/index.ts';
import { releaseEscrowAsEarning } from '../payouts/index.ts';
import { contractPayments, type PaymentKind } from './tables.ts';

export type Payment = typeof contractPayments.$inferSelect;

/**
 * Serializes payments and refunds between one freelancer and one client (across all their
 * contracts), so that each fee is computed from the lifetime billings the previous one left.
 */
export async function lockBillingPair(tx: Tx, contract: ContractRow): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`billing-pair:${contract.freelancerId}:${contract.clientId}`}))`,
  );
}

/**
 * Pays `grossCents` out of the contract's escrow to the freelancer, in the caller's transaction:
 * the service fee by the schedule in force, sliding by what this client has already paid this
 * freelancer; the rest into the freelancer's pending earnings for the security period (payouts).
 */
export async function payFreelancer(
  tx: Tx,
  input: {
    contract: ContractRow;
    kind: PaymentKind;
    milestoneId: string | null;
    grossCents: number;
    clientFeeCents: number;
    /** Null: the platform paid (an automatic approval). */
    paidBy: string | null;
    note: string;
    /** What the freelancer's history says, e.g. "Milestone 2: Checkout page". */
    description: string;
    idempotencyKey: string;
    at: Date;
  },
): Promise<{ payment: Payment; split: PaymentSplit }> {
  const { contract } = input;
  await lockBillingPair(tx, contract);
  const priorBilledCents = await lifetimeBilledCents(tx, {
    freelancerId: contract.freelancerId,
    clientId: contract.clientId,
  });
  const schedule = await feeScheduleInForce(tx, input.at);
  const split = splitPayment({ grossCents: input.grossCents, priorBilledCents, schedule });
  const paymentId = newId();
  const { transferId } = await releaseEscrowAsEarning(tx, {
    idempotencyKey: input.idempotencyKey,
    at: input.at,
    contractId: contract.id,
    clientId: contract.clientId,
    freelancerId: contract.freelancerId,
    currency: contract.currency,
    grossCents: split.grossCents,
    feeCents: split.feeCents,
    kind: input.kind === 'bonus' ? 'bonus' : 'fixed_price',
    description: input.description,
    refs: {
      ...(input.milestoneId ? { milestoneId: input.milestoneId } : {}),
      extra: { paymentId, feeScheduleVersion: schedule.version, priorBilledCents },
    },
  });
  const [payment] = await tx
    .insert(contractPayments)
    .values({
      id: paymentId,
      contractId: contract.id,
      milestoneId: input.milestoneId,
      kind: input.kind,
      clientId: contract.clientId,
      freelancerId: contract.freelancerId,
      currency: contract.currency,
      grossCents: split.grossCents,
      serviceFeeCents: split.feeCents,
      netCents: split.netCents,
      clientFeeCents: input.clientFeeCents,
      feeScheduleVersion: schedule.version,
      transferId,
      paidBy: input.paidBy,
      note: input.note,
      paidAt: input.at,
    })
    .returning();
  if (!payment) throw new Error('payment insert returned no row');
  return { payment, split };
}
