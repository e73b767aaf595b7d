/**
 * What other modules use from payouts. The contracts issue records every credit to a freelancer's
 * pending balance as an earning: `releaseEscrowAsEarning` (posts the escrow release and records
 * it) or `recordEarning` (for a transfer it posted itself, in the same transaction).
 */

export { earningByCreditTransfer } from './earning-lookup.ts';
export { type EarningsSummary, earningsSummaryFor } from './earnings-summary.ts';
export { payoutsModule } from './module.ts';
export { moneyText, utcText } from './money-text.ts';
export { payoutMethodTypes } from './payout-method-types.ts';
export { type Earning, type EarningToRecord, recordEarning, releaseEscrowAsEarning } from './record-earning.ts';
export { availableAtFor, securityPeriodMs } from './security-period.ts';
export { type Withdrawal, withdrawalsByIds } from './withdrawal.ts';
