/** What other modules use from proposals (offers make and hire from them). */
export {
  findProposalFor,
  lockProposalForOffer,
  markProposalHired,
  type ProposalRow,
  setPendingOffer,
} from './hiring.ts';
export { PROPOSAL_FILE_KIND, PROPOSAL_STATES, type ProposalState } from './limits.ts';
export { proposalsModule } from './module.ts';
export { openProposalThread } from './proposal-thread.ts';
