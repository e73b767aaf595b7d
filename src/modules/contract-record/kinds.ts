/**
 * What can happen in a contract, as recorded. Each module appends the kinds of the events it
 * makes, in the same transaction as the event itself. `data` is free JSON, but by convention:
 * money as `{ amountCents, currency }`; files as `files: [{ id, name, sha256, sizeBytes }]` (the
 * export lists every file named this way, so a party can check the bytes they hold); ids of the
 * objects involved (`milestoneId`, `messageId`, `taskId`...). Add new kinds here (small edit).
 */
export const RECORD_KINDS = {
  'contract.created': 'The accepted offer became the contract',
  'terms.version': 'A terms version took effect (data: version, terms or their difference)',
  'terms.change_proposed': 'A party proposed a change of terms',
  'terms.change_accepted': 'The other party accepted a proposed change',
  'terms.change_declined': 'The other party declined a proposed change',
  'terms.change_withdrawn': 'The proposer withdrew a change',
  'milestone.added': 'A milestone was added',
  'milestone.funded': 'The client paid a milestone into escrow',
  'milestone.submitted': 'The freelancer submitted work for a milestone (data: files, deliverables)',
  'milestone.changes_requested': 'The client asked for changes to submitted work',
  'milestone.approved': 'The client approved a milestone (or it was approved automatically)',
  'milestone.refunded': "A milestone's escrow went back to the client",
  'payment.released': 'Escrow was released to the freelancer (data: amount, fee, net)',
  'bonus.paid': 'The client paid a bonus',
  'message.posted': 'A message in the contract thread (data: SHA-256 of its text, attachments)',
  'file.shared': 'A file was shared in the Workroom',
  'status_report.filed': 'The freelancer filed a status report',
  'refund.requested': 'A refund was asked for',
  'refund.issued': 'Money went back to the client',
  'contract.end_requested': 'A party asked to end the contract',
  'contract.ended': 'The contract ended',
  'dispute.opened': 'A party opened a dispute',
  'dispute.resolved': 'A dispute was settled',
  'task.created': 'A task was added to the board',
  'task.updated': "A task's details changed (data: the changed fields, before and after)",
  'task.moved': 'A task changed state (data: from, to)',
  'task.deleted': 'A task was removed from the board',
} as const;

export type RecordKind = keyof typeof RECORD_KINDS;

export const isRecordKind = (kind: string): kind is RecordKind => Object.hasOwn(RECORD_KINDS, kind);
