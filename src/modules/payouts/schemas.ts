import { z } from 'zod';

const Cents = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Currency = z.string().regex(/^[A-Z]{3}$/);
const Text = (max: number) => z.string().max(max);

export const PayoutMethodTypeName = z.enum(['us_bank_ach', 'local_bank', 'wire', 'paypal', 'payoneer']);
export const WithdrawalFrequencyName = z.enum(['weekly', 'twice_monthly', 'monthly']);

export const PayoutMethodTypeResponse = z
  .object({
    type: PayoutMethodTypeName,
    label: z.string(),
    description: z.string(),
    currency: z.string(),
    feeCents: Cents,
    minimumCents: Cents,
    processingDays: z.number().int(),
  })
  .meta({ id: 'PayoutMethodType' });

export const PayoutMethodTypeListResponse = z
  .object({
    items: z.array(PayoutMethodTypeResponse),
    holdDays: z.number().describe('A new payout method can be used this many days after it is added'),
    sandboxFailureRule: z.string().nullable().describe('How to make the sandbox processor fail a payout'),
    frequencies: z.array(z.object({ frequency: WithdrawalFrequencyName, label: z.string() })),
  })
  .meta({ id: 'PayoutMethodTypeList' });

export const AddPayoutMethodRequest = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('us_bank_ach'),
      accountHolder: Text(100),
      routingNumber: Text(20).describe('US ABA routing number (9 digits)'),
      accountNumber: Text(30),
      accountType: z.enum(['checking', 'savings']),
    }),
    z.object({
      type: z.literal('local_bank'),
      accountHolder: Text(100),
      bankName: Text(100),
      country: Text(2).describe('ISO 3166 two-letter code, not US'),
      accountNumber: Text(50).describe('Account number or IBAN'),
    }),
    z.object({
      type: z.literal('wire'),
      accountHolder: Text(100),
      bankName: Text(100),
      country: Text(2),
      swiftCode: Text(15),
      accountNumber: Text(50).describe('Account number or IBAN'),
    }),
    z.object({ type: z.literal('paypal'), email: Text(254) }),
    z.object({ type: z.literal('payoneer'), email: Text(254) }),
  ])
  .meta({ id: 'AddPayoutMethodRequest' });

export const IdParams = z.object({ id: z.uuid() });

export const PayoutMethodResponse = z
  .object({
    id: z.uuid(),
    type: PayoutMethodTypeName,
    typeLabel: z.string(),
    label: z.string(),
    accountHolder: z.string().nullable(),
    bankName: z.string().nullable(),
    country: z.string().nullable(),
    feeCents: Cents,
    minimumCents: Cents,
    processingDays: z.number().int(),
    usable: z.boolean().describe('False during the hold after it was added'),
    usableAt: z.iso.datetime(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'PayoutMethod' });

export const PayoutMethodListResponse = z
  .object({ items: z.array(PayoutMethodResponse) })
  .meta({ id: 'PayoutMethodList' });

export const EarningsSummaryResponse = z
  .object({
    currency: z.string(),
    pendingCents: Cents,
    availableCents: Cents,
    inFlightCents: Cents,
    lifetimeCents: Cents,
    withdrawnCents: Cents,
    asOf: z.iso.datetime().describe('The server’s clock: “in 3 days” is counted from here'),
    upcoming: z.array(
      z.object({ id: z.uuid(), description: z.string(), amountCents: Cents, availableAt: z.iso.datetime() }),
    ),
  })
  .meta({ id: 'EarningsSummary' });

export const CreateWithdrawalRequest = z
  .object({
    payoutMethodId: z.uuid(),
    amountCents: z
      .number()
      .int()
      .positive()
      .describe('What leaves your available balance; the method’s fee comes out of it'),
    currency: Currency,
  })
  .meta({ id: 'CreateWithdrawalRequest' });

export const IdempotencyHeaders = z
  .object({
    'idempotency-key': z.string().min(1).max(255).describe('A fresh random key per withdrawal; resend it to retry'),
  })
  .loose();

export const WithdrawalResponse = z
  .object({
    id: z.uuid(),
    payoutMethodId: z.uuid(),
    methodLabel: z.string(),
    currency: z.string(),
    amountCents: Cents,
    feeCents: Cents,
    netCents: Cents.describe('What the payout method receives'),
    state: z.enum(['in_flight', 'completed', 'failed']),
    scheduled: z.boolean(),
    expectedAt: z.iso.datetime(),
    createdAt: z.iso.datetime(),
    settledAt: z.iso.datetime().nullable(),
    failureMessage: z.string().nullable(),
  })
  .meta({ id: 'Withdrawal' });

export const WithdrawalListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

export const WithdrawalListResponse = z
  .object({ items: z.array(WithdrawalResponse), nextCursor: z.string().nullable() })
  .meta({ id: 'WithdrawalList' });

export const WithdrawalScheduleRequest = z
  .object({
    payoutMethodId: z.uuid(),
    frequency: WithdrawalFrequencyName,
    currency: Currency,
    thresholdCents: Cents.describe('Withdraw only when the available balance is at least this'),
    leaveCents: Cents.describe('Keep this much in the available balance'),
  })
  .meta({ id: 'WithdrawalScheduleRequest' });

export const WithdrawalScheduleResponse = z
  .object({
    id: z.uuid(),
    payoutMethodId: z.uuid(),
    frequency: WithdrawalFrequencyName,
    frequencyLabel: z.string(),
    currency: z.string(),
    thresholdCents: Cents,
    leaveCents: Cents,
    nextRunAt: z.iso.datetime(),
    lastRunAt: z.iso.datetime().nullable(),
    lastOutcome: z.string().nullable(),
  })
  .meta({ id: 'WithdrawalSchedule' });

export const WithdrawalScheduleEnvelope = z
  .object({ schedule: WithdrawalScheduleResponse.nullable() })
  .meta({ id: 'WithdrawalScheduleEnvelope' });
