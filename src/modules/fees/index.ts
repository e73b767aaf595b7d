/** What other modules use from fees: the schedule in force and the one place fees are computed. */
export { feeScheduleInForce, feeScheduleVersion, type StoredFeeSchedule } from './fee-schedules.ts';
export { lifetimeBilledCents } from './lifetime-billed.ts';
export { feesModule } from './module.ts';
export { type FeePreview, type PaymentKind, previewFees } from './preview-fees.ts';
export { DEFAULT_FEE_SCHEDULE_DEFINITION, type FeeSchedule, type FeeScheduleDefinition } from './schedule.ts';
export {
  clientMarketplaceFee,
  contractInitiationFee,
  type PaymentSplit,
  roundHalfUpBps,
  splitPayment,
  type TierPiece,
} from './split-payment.ts';
