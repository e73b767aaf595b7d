/**
 * What other modules use from the fixed-price lifecycle. Milestone and contract state change only
 * through these (the transition table is in transitions.ts). Status reports submit through
 * `submitMilestoneAs`; accepted terms changes call `addMilestone`, `changeMilestone`,
 * `removeMilestone` and `refundFundedMilestone` in their transaction.
 */
export { acceptanceCriteriaOf } from './acceptance-criteria.ts';
export { type ApprovalResult, approveMilestone } from './approve-milestone.ts';
export {
  addMilestone,
  changeMilestone,
  type MilestoneTerms,
  refundFundedMilestone,
  removeMilestone,
} from './change-milestones.ts';
export { type ContractOverview, getContractOverview } from './contract-overview.ts';
export { type EndResult, endContract } from './end-contract.ts';
export { type FundMilestoneInput, fundMilestone } from './fund-milestone.ts';
export { AUTO_APPROVE_AFTER_MS, END_RESPONSE_WINDOW_MS, REFUND_WINDOW_MS } from './limits.ts';
export { type ContractMovement, listContractPayments } from './list-contract-payments.ts';
export { milestonesModule } from './module.ts';
export { type NextAction, nextActionsFor } from './next-actions.ts';
export { type PayBonusInput, payBonus } from './pay-bonus.ts';
export type { Payment } from './pay-freelancer.ts';
export { presentOverview } from './present.ts';
export { type Refund, type RefundPaymentInput, refundPayment } from './refund-payment.ts';
export { requestChanges } from './request-changes.ts';
export { respondToEnd } from './respond-to-end.ts';
export { ContractMovementListResponse, ContractOverviewResponse, MilestoneOverviewResponse } from './schemas.ts';
export type { Ending } from './settle-ending.ts';
export {
  SUBMISSION_FILE_KIND,
  type Submission,
  type SubmitMilestoneInput,
  submitMilestone,
  submitMilestoneAs,
} from './submit-milestone.ts';
export type { DeliverableCheck } from './tables.ts';
export {
  CONTRACT_STATES,
  type ContractState,
  contractTransition,
  lifecycleTransitions,
  milestoneTransition,
  requireActiveContract,
} from './transitions.ts';
