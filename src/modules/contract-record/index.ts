/**
 * What other modules use from the contract record. Every event of a contract is appended with
 * `appendRecordEntry(tx, clock, { contractId, kind, actorId, summary, data?, at? })` in the same
 * transaction as the event; the kinds and the conventions for `data` are in kinds.ts.
 */
export { appendRecordEntry, type NewRecordEntry } from './append-record-entry.ts';
export { canonicalJson, entryHash, findChainBreak, genesisHash, RECORD_FORMAT } from './canonical.ts';
export { RECORD_KINDS, type RecordKind } from './kinds.ts';
export { contractRecordModule } from './module.ts';
export { recordContractMessage } from './record-contract-message.ts';
export { recordContractStart } from './record-contract-start.ts';
export { type RecordEntry, recordEntries, recordHead } from './record-entry.ts';
export { type ExportedFile, recordFile } from './record-files.ts';
