import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client.ts';
import type { BodyOf, ResponseOf } from './types.ts';

export type BillingMethodList = ResponseOf<'/api/billing-methods', 'get'>;
export type BillingMethod = BillingMethodList['items'][number];
export type NewBillingMethod = BodyOf<'/api/billing-methods', 'post'>;
export type Charge = ResponseOf<'/api/payments/charges', 'post'>;
export type EarningsSummary = ResponseOf<'/api/payouts/summary', 'get'>;
export type PayoutOptions = ResponseOf<'/api/payouts/method-types', 'get'>;
export type PayoutMethodType = PayoutOptions['items'][number];
export type PayoutMethod = ResponseOf<'/api/payouts/methods', 'get'>['items'][number];
export type NewPayoutMethod = BodyOf<'/api/payouts/methods', 'post'>;
export type Withdrawal = ResponseOf<'/api/payouts/withdrawals', 'post'>;
export type WithdrawalSchedule = NonNullable<ResponseOf<'/api/payouts/schedule', 'get'>['schedule']>;
export type TransactionPage = ResponseOf<'/api/records/transactions', 'get'>;
export type TransactionLine = TransactionPage['items'][number];
export type InvoiceList = ResponseOf<'/api/records/invoices', 'get'>;
export type SpendingSummary = ResponseOf<'/api/records/spending', 'get'>;

/** Query keys of money data: anything that moves money invalidates `money` as a whole. */
export const moneyKeys = {
  all: ['money'] as const,
  billingMethods: ['money', 'billing-methods'] as const,
  spending: ['money', 'spending'] as const,
  invoices: ['money', 'invoices'] as const,
  earnings: ['money', 'earnings'] as const,
  payoutOptions: ['money', 'payout-options'] as const,
  payoutMethods: ['money', 'payout-methods'] as const,
  withdrawals: ['money', 'withdrawals'] as const,
  schedule: ['money', 'schedule'] as const,
  transactions: (filters: object) => ['money', 'transactions', filters] as const,
};

export const useBillingMethods = () =>
  useQuery({ queryKey: moneyKeys.billingMethods, queryFn: () => unwrap(api.GET('/api/billing-methods')) });

export const useSpending = () =>
  useQuery({ queryKey: moneyKeys.spending, queryFn: () => unwrap(api.GET('/api/records/spending')) });

export const useInvoices = () =>
  useQuery({
    queryKey: moneyKeys.invoices,
    queryFn: () => unwrap(api.GET('/api/records/invoices', { params: { query: { limit: 20 } } })),
  });

export const useEarnings = () =>
  useQuery({ queryKey: moneyKeys.earnings, queryFn: () => unwrap(api.GET('/api/payouts/summary')) });

export const usePayoutOptions = () =>
  useQuery({
    queryKey: moneyKeys.payoutOptions,
    queryFn: () => unwrap(api.GET('/api/payouts/method-types')),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const usePayoutMethods = () =>
  useQuery({ queryKey: moneyKeys.payoutMethods, queryFn: () => unwrap(api.GET('/api/payouts/methods')) });

export const useWithdrawals = () =>
  useQuery({
    queryKey: moneyKeys.withdrawals,
    queryFn: () => unwrap(api.GET('/api/payouts/withdrawals', { params: { query: { limit: 10 } } })),
  });

export const useWithdrawalSchedule = () =>
  useQuery({ queryKey: moneyKeys.schedule, queryFn: () => unwrap(api.GET('/api/payouts/schedule')) });

/** A fresh Idempotency-Key: one per operation the user starts, reused when they retry it. */
export const newIdempotencyKey = (): string => crypto.randomUUID();
