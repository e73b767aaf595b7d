import { DAY } from '../../platform/clock.ts';
import type { PayoutMethodType } from './tables.ts';

export interface PayoutMethodTypeSpec {
  label: string;
  /** Charged per withdrawal, out of the amount withdrawn (platform revenue). */
  feeCents: number;
  /** The smallest withdrawal this method accepts (always above the fee). */
  minimumCents: number;
  /** Days from the withdrawal until the money arrives (the processor settles it then). */
  processingDays: number;
  description: string;
}

/**
 * The payout methods and their terms, as data. The fees follow what marketplaces of this kind
 * publish (Upwork: ACH free, local bank $0.99, PayPal and Payoneer $2, wire $30 per withdrawal);
 * minimums keep the fee a small share; delays are the processors' usual settlement times in days.
 * All amounts are USD, the only payout currency for now.
 */
export const payoutMethodTypes: Record<PayoutMethodType, PayoutMethodTypeSpec> = {
  us_bank_ach: {
    label: 'US bank account (ACH)',
    feeCents: 0,
    minimumCents: 100,
    processingDays: 2,
    description: 'Free. Arrives in about 2 days.',
  },
  local_bank: {
    label: 'Direct to local bank',
    feeCents: 99,
    minimumCents: 1_000,
    processingDays: 3,
    description: 'Your bank outside the US, in your currency. $0.99 per withdrawal; about 3 days.',
  },
  paypal: {
    label: 'PayPal',
    feeCents: 200,
    minimumCents: 1_000,
    processingDays: 1,
    description: '$2 per withdrawal; usually arrives the next day.',
  },
  payoneer: {
    label: 'Payoneer',
    feeCents: 200,
    minimumCents: 1_000,
    processingDays: 1,
    description: '$2 per withdrawal; usually arrives the next day.',
  },
  wire: {
    label: 'Wire transfer (USD)',
    feeCents: 3_000,
    minimumCents: 10_000,
    processingDays: 5,
    description: 'For large amounts. $30 per withdrawal; about 5 days. Your bank may charge too.',
  },
};

export const PAYOUT_METHOD_TYPES = Object.keys(payoutMethodTypes) as PayoutMethodType[];

/** The only payout currency for now (payments are in USD too). */
export const PAYOUT_CURRENCIES = ['USD'] as const;

/**
 * A newly added payout method can't be used for 3 days: if an attacker takes over an account and
 * adds their own bank, the owner has time to notice (the email and notification) and remove it.
 */
export const NEW_METHOD_HOLD_MS = 3 * DAY;

/** At most this many live payout methods per freelancer. */
export const MAX_PAYOUT_METHODS = 10;

/** What is stored about a method: masked, enough to recognise it, never enough to use it. */
export type PayoutMethodDetails =
  | {
      type: 'us_bank_ach';
      accountHolder: string;
      routingNumber: string;
      accountLast4: string;
      accountType: 'checking' | 'savings';
    }
  | { type: 'local_bank'; accountHolder: string; bankName: string; country: string; accountLast4: string }
  | { type: 'wire'; accountHolder: string; bankName: string; country: string; swiftCode: string; accountLast4: string }
  | { type: 'paypal'; email: string }
  | { type: 'payoneer'; email: string };
