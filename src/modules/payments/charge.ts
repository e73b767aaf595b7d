import { and, desc, eq, lt } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { paymentCharges } from './tables.ts';

export type Charge = typeof paymentCharges.$inferSelect;

/** What caused a charge; copied onto its ledger transfer. */
export interface ChargeRefs {
  contractId?: string;
  milestoneId?: string;
  timesheetId?: string;
}

/** The key the ledger knows a charge's transfer by: one transfer per charge, for ever. */
export const chargeTransferKey = (chargeId: string): string => `payment-charge:${chargeId}`;

/** The key the gateway knows a charge by. */
export const chargeGatewayKey = (chargeId: string): string => `workroom-charge-${chargeId}`;

export async function listOwnCharges(executor: Executor, clientId: string, limit: number): Promise<Charge[]> {
  return executor
    .select()
    .from(paymentCharges)
    .where(eq(paymentCharges.clientId, clientId))
    .orderBy(desc(paymentCharges.createdAt), desc(paymentCharges.id))
    .limit(limit);
}

/** Charges still pending since before `before`: the crash window the recovery task closes. */
export async function pendingChargesBefore(executor: Executor, before: Date, limit: number): Promise<Charge[]> {
  return executor
    .select()
    .from(paymentCharges)
    .where(and(eq(paymentCharges.state, 'pending'), lt(paymentCharges.createdAt, before)))
    .orderBy(paymentCharges.createdAt)
    .limit(limit);
}
