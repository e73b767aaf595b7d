import { z } from 'zod';

const Cents = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const AddBillingMethodRequest = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('card'),
      number: z.string().min(1).max(30).describe('The card number; spaces and dashes are ignored'),
      expMonth: z.number().int(),
      expYear: z.number().int().min(2000).max(2200),
      cvc: z.string().max(4),
      name: z.string().max(100),
    }),
    z.object({ type: z.literal('paypal'), email: z.email().max(254) }),
    z.object({
      type: z.literal('bank_account'),
      routingNumber: z.string().max(20).describe('US ABA routing number (9 digits)'),
      accountNumber: z.string().max(30),
      accountHolder: z.string().max(100),
    }),
  ])
  .meta({ id: 'AddBillingMethodRequest' });

export const BillingMethodParams = z.object({ id: z.uuid() });

export const VerifyBankAccountRequest = z
  .object({
    amountsCents: z
      .tuple([z.number().int().min(1).max(99), z.number().int().min(1).max(99)])
      .describe('The two micro-deposits, in cents, in any order'),
  })
  .meta({ id: 'VerifyBankAccountRequest' });

export const BillingMethodResponse = z
  .object({
    id: z.uuid(),
    type: z.enum(['card', 'paypal', 'bank_account']),
    status: z.enum(['verified', 'pending_verification', 'locked']),
    isDefault: z.boolean(),
    /** e.g. "Visa ending in 4242". */
    label: z.string(),
    card: z
      .object({ brand: z.string(), last4: z.string(), expMonth: z.number().int(), expYear: z.number().int() })
      .nullable(),
    paypal: z.object({ email: z.string() }).nullable(),
    bankAccount: z
      .object({
        routingNumber: z.string(),
        accountLast4: z.string(),
        accountHolder: z.string(),
        verificationAttemptsLeft: z.number().int(),
      })
      .nullable(),
    createdAt: z.iso.datetime(),
    verifiedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'BillingMethod' });

export const BillingMethodListResponse = z
  .object({ items: z.array(BillingMethodResponse), paymentVerified: z.boolean() })
  .meta({ id: 'BillingMethodList' });

export const CreateChargeRequest = z
  .object({
    amountCents: z.number().int().positive().describe('What to add to your Workroom funds, in cents'),
    currency: z.string().regex(/^[A-Z]{3}$/),
    billingMethodId: z.uuid().optional().describe('Defaults to your default billing method'),
  })
  .meta({ id: 'CreateChargeRequest' });

export const ChargeResponse = z
  .object({
    id: z.uuid(),
    amountCents: Cents,
    feeCents: Cents,
    currency: z.string(),
    purpose: z.string(),
    state: z.enum(['pending', 'succeeded', 'failed', 'voided']),
    billingMethodId: z.uuid(),
    failureCode: z.string().nullable(),
    failureMessage: z.string().nullable(),
    feeScheduleVersion: z.number().int().nullable(),
    createdAt: z.iso.datetime(),
    settledAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Charge' });

export const ChargeListQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) });

export const ChargeListResponse = z.object({ items: z.array(ChargeResponse) }).meta({ id: 'ChargeList' });
