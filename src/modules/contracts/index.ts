/**
 * What other modules use from contracts. The fixed-price and hourly issues build the lifecycle on
 * these tables (milestone `state`, money columns, numbered terms versions).
 */
export { type ContractView, milestonesOf, viewContract } from './contract-view.ts';
export { type ContractRow, createContract, type MilestoneRow, type NewContract } from './create-contract.ts';
export { getContractByOffer } from './find-contract.ts';
export { contractsModule } from './module.ts';
export { presentContract } from './present.ts';
export { ContractMilestoneResponse, ContractResponse, ContractTermsResponse } from './schemas.ts';
export { type ContractTerms, MILESTONE_STATES, type MilestoneState } from './tables.ts';
