import type { z } from 'zod';
import type { BillingMethod } from './billing-method.ts';
import type { Charge } from './charge.ts';
import { MICRO_DEPOSIT_ATTEMPTS } from './sandbox-gateway.ts';
import type { BillingMethodResponse, ChargeResponse } from './schemas.ts';

const brandNames: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
};

function labelOf(method: BillingMethod): string {
  if (method.type === 'card') return `${brandNames[method.cardBrand ?? ''] ?? 'Card'} ending in ${method.cardLast4}`;
  if (method.type === 'paypal') return `PayPal (${method.paypalEmail})`;
  return `Bank account ending in ${method.bankAccountLast4}`;
}

export function presentBillingMethod(method: BillingMethod): z.input<typeof BillingMethodResponse> {
  return {
    id: method.id,
    type: method.type,
    status: method.status,
    isDefault: method.isDefault,
    label: labelOf(method),
    card:
      method.type === 'card'
        ? {
            brand: method.cardBrand ?? 'unknown',
            last4: method.cardLast4 ?? '',
            expMonth: method.cardExpMonth ?? 0,
            expYear: method.cardExpYear ?? 0,
          }
        : null,
    paypal: method.type === 'paypal' ? { email: method.paypalEmail ?? '' } : null,
    bankAccount:
      method.type === 'bank_account'
        ? {
            routingNumber: method.bankRoutingNumber ?? '',
            accountLast4: method.bankAccountLast4 ?? '',
            accountHolder: method.holderName ?? '',
            verificationAttemptsLeft: Math.max(0, MICRO_DEPOSIT_ATTEMPTS - method.verificationAttempts),
          }
        : null,
    createdAt: method.createdAt.toISOString(),
    verifiedAt: method.verifiedAt?.toISOString() ?? null,
  };
}

export function presentCharge(charge: Charge): z.input<typeof ChargeResponse> {
  return {
    id: charge.id,
    amountCents: charge.amountCents,
    feeCents: charge.feeCents,
    currency: charge.currency,
    purpose: charge.purpose,
    state: charge.state,
    billingMethodId: charge.billingMethodId,
    failureCode: charge.failureCode,
    failureMessage: charge.failureMessage,
    feeScheduleVersion: charge.feeScheduleVersion,
    createdAt: charge.createdAt.toISOString(),
    settledAt: charge.settledAt?.toISOString() ?? null,
  };
}
