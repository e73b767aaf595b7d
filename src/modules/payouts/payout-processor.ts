import type { Services } from '../../server/context.ts';
import { SandboxPayoutProcessor } from './sandbox-payout-processor.ts';
import type { PayoutMethodType } from './tables.ts';

/** The full account details, given to the processor once when a method is added, never stored by us. */
export interface PayoutAccountDetails {
  type: PayoutMethodType;
  /** Account number or IBAN (bank types), or the email (PayPal, Payoneer). */
  account: string;
  /** Masked form for the processor's own records. */
  display: string;
}

export interface ProcessorPayout {
  id: string;
  idempotencyKey: string;
  /** `processing` until the money arrives (or comes back). */
  status: 'processing' | 'paid' | 'failed';
  amountCents: number;
  currency: string;
  arrivesAt: Date;
  failure: { code: string; message: string } | null;
}

/**
 * What Workroom needs from a payout processor (a bank's ACH service, PayPal Payouts, Payoneer...).
 * `createPayout` is idempotent by key: calling it again returns the payout made the first time, so
 * a request and the `process-payouts` task can both call it after a crash without paying twice.
 */
export interface PayoutProcessor {
  readonly name: string;
  registerAccount(details: PayoutAccountDetails): Promise<{ token: string }>;
  createPayout(input: {
    idempotencyKey: string;
    account: string;
    amountCents: number;
    currency: string;
    arrivesAfterMs: number;
  }): Promise<ProcessorPayout>;
  getPayout(idempotencyKey: string): Promise<ProcessorPayout | null>;
  /** Every payout the processor has paid, as its records say (read only), for `workroom verify`. */
  paidPayouts(): Promise<{ idempotencyKey: string; amountCents: number; currency: string }[]>;
}

/** The processor this installation uses: only the built-in sandbox exists today. */
export function payoutProcessorFor(services: Pick<Services, 'db' | 'clock'>): PayoutProcessor {
  return new SandboxPayoutProcessor(services.db, services.clock);
}
