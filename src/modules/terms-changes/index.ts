/** What other modules use from terms changes. */
export { diffTerms, type TermsDiff } from './diff-terms.ts';
export { termsChangesModule } from './module.ts';
