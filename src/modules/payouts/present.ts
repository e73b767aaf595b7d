import type { z } from 'zod';
import type { PayoutMethod } from './payout-method.ts';
import { payoutMethodTypes } from './payout-method-types.ts';
import { frequencyLabels } from './schedule-dates.ts';
import type { PayoutMethodResponse, WithdrawalResponse, WithdrawalScheduleResponse } from './schemas.ts';
import { netOf, type Withdrawal } from './withdrawal.ts';
import type { WithdrawalSchedule } from './withdrawal-schedule.ts';

export function presentPayoutMethod(method: PayoutMethod, now: Date): z.infer<typeof PayoutMethodResponse> {
  const spec = payoutMethodTypes[method.type];
  const details = method.details;
  return {
    id: method.id,
    type: method.type,
    typeLabel: spec.label,
    label: method.label,
    accountHolder: 'accountHolder' in details ? details.accountHolder : null,
    bankName: 'bankName' in details ? details.bankName : null,
    country: 'country' in details ? details.country : null,
    feeCents: spec.feeCents,
    minimumCents: spec.minimumCents,
    processingDays: spec.processingDays,
    usable: method.usableAt.getTime() <= now.getTime(),
    usableAt: method.usableAt.toISOString(),
    createdAt: method.createdAt.toISOString(),
  };
}

export function presentWithdrawal(withdrawal: Withdrawal, method: PayoutMethod): z.infer<typeof WithdrawalResponse> {
  return {
    id: withdrawal.id,
    payoutMethodId: withdrawal.payoutMethodId,
    methodLabel: method.label,
    currency: withdrawal.currency,
    amountCents: withdrawal.amountCents,
    feeCents: withdrawal.feeCents,
    netCents: netOf(withdrawal),
    state: withdrawal.state,
    scheduled: withdrawal.scheduleId !== null,
    expectedAt: withdrawal.expectedAt.toISOString(),
    createdAt: withdrawal.createdAt.toISOString(),
    settledAt: withdrawal.settledAt?.toISOString() ?? null,
    failureMessage: withdrawal.failureMessage,
  };
}

export function presentSchedule(schedule: WithdrawalSchedule): z.infer<typeof WithdrawalScheduleResponse> {
  return {
    id: schedule.id,
    payoutMethodId: schedule.payoutMethodId,
    frequency: schedule.frequency,
    frequencyLabel: frequencyLabels[schedule.frequency],
    currency: schedule.currency,
    thresholdCents: schedule.thresholdCents,
    leaveCents: schedule.leaveCents,
    nextRunAt: schedule.nextRunAt.toISOString(),
    lastRunAt: schedule.lastRunAt?.toISOString() ?? null,
    lastOutcome: schedule.lastOutcome,
  };
}
