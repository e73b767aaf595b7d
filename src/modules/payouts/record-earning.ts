import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/transaction.ts';
import { invalidField } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { freelancerAccount, getOrCreateAccount } from '../ledger/accounts.ts';
import { releaseEscrow } from '../ledger/movements.ts';
import { postTransfer } from '../ledger/post-transfer.ts';
import { getTransfer } from '../ledger/transfers.ts';
import { availableAtFor } from './security-period.ts';
import { type EarningKind, earnings } from './tables.ts';

export type Earning = typeof earnings.$inferSelect;

export interface EarningToRecord {
  freelancerId: string;
  /** The paying client, when there is one: it may download the invoice of this earning. */
  clientId?: string | null;
  contractId?: string | null;
  kind: EarningKind;
  /** What the freelancer sees in the history, e.g. "Milestone 2: Checkout page". */
  description: string;
  currency: string;
  /** Exactly what `creditTransferId` added to the freelancer's pending balance. */
  amountCents: number;
  /** The transfer that credited the pending balance, posted in the same transaction. */
  creditTransferId: string;
  at: Date;
  /** Defaults to `at` plus the kind's security period (security-period.ts). */
  availableAt?: Date;
}

/**
 * Records an earning that a transfer (posted by the caller in the same transaction) has put in the
 * freelancer's pending balance, and when it becomes available. Every credit to a pending balance
 * must be recorded here: the `release-pending-earnings` task moves exactly the recorded earnings,
 * and `workroom verify` checks that pending balances equal their unreleased earnings.
 * Idempotent by the credit transfer: recording the same transfer again returns the first record.
 */
export async function recordEarning(tx: Tx, input: EarningToRecord): Promise<Earning> {
  const [existing] = await tx.select().from(earnings).where(eq(earnings.creditTransferId, input.creditTransferId));
  if (existing) return existing;
  const transfer = await getTransfer(tx, input.creditTransferId);
  if (!transfer) throw invalidField('creditTransferId', 'No such transfer.');
  const pending = await getOrCreateAccount(
    tx,
    freelancerAccount(input.freelancerId, 'pending', input.currency),
    input.at,
  );
  const credited = transfer.postings.find((posting) => posting.accountId === pending.id)?.amountCents;
  if (credited !== input.amountCents) {
    throw invalidField(
      'amountCents',
      `The transfer credited ${credited ?? 0} to the freelancer's pending balance, not ${input.amountCents}.`,
    );
  }
  const description = input.description.trim().slice(0, 200) || 'Earnings';
  const [row] = await tx
    .insert(earnings)
    .values({
      id: newId(),
      freelancerId: input.freelancerId,
      clientId: input.clientId ?? null,
      contractId: input.contractId ?? null,
      kind: input.kind,
      description,
      currency: input.currency,
      amountCents: input.amountCents,
      state: 'pending',
      creditTransferId: input.creditTransferId,
      availableAt: input.availableAt ?? availableAtFor(input.kind, input.at),
      createdAt: input.at,
    })
    .returning();
  return row as Earning;
}

/**
 * Releases escrow to a freelancer as an earning, in the caller's transaction: the escrow release
 * transfer (gross out of escrow, the service fee to platform revenue, the rest to pending) and its
 * earning record. What the contracts issue calls when a milestone or a billing week is paid.
 */
export async function releaseEscrowAsEarning(
  tx: Tx,
  input: {
    idempotencyKey: string;
    at: Date;
    contractId: string;
    clientId: string;
    freelancerId: string;
    currency: string;
    grossCents: number;
    feeCents: number;
    kind: EarningKind;
    description: string;
    refs?: { milestoneId?: string; timesheetId?: string; extra?: Record<string, unknown> };
    availableAt?: Date;
  },
): Promise<{ earning: Earning | null; transferId: string }> {
  const transfer = await postTransfer(
    tx,
    releaseEscrow({
      idempotencyKey: input.idempotencyKey,
      at: input.at,
      contractId: input.contractId,
      freelancerId: input.freelancerId,
      currency: input.currency,
      grossCents: input.grossCents,
      feeCents: input.feeCents,
      memo: input.description,
      refs: {
        contractId: input.contractId,
        milestoneId: input.refs?.milestoneId,
        timesheetId: input.refs?.timesheetId,
        userId: input.freelancerId,
        extra: { ...input.refs?.extra, clientId: input.clientId, description: input.description, kind: input.kind },
      },
    }),
  );
  // A fee of the whole amount leaves nothing to earn (never with today's schedules).
  if (input.grossCents === input.feeCents) return { earning: null, transferId: transfer.id };
  const earning = await recordEarning(tx, {
    freelancerId: input.freelancerId,
    clientId: input.clientId,
    contractId: input.contractId,
    kind: input.kind,
    description: input.description,
    currency: input.currency,
    amountCents: input.grossCents - input.feeCents,
    creditTransferId: transfer.id,
    at: input.at,
    availableAt: input.availableAt,
  });
  return { earning, transferId: transfer.id };
}
