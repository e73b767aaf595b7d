import type { Tx } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import { appendRecordEntry, type RecordKind } from '../contract-record/index.ts';
import type { ContractRow } from '../contracts/index.ts';
import { getThreadForContext, type MessageThread, openThread, postSystemMessage } from '../messages/index.ts';
import { notify } from '../notifications/notify.ts';
import { moneyText } from '../payouts/index.ts';

export const money = (cents: number, currency: string): string => moneyText(cents, currency);
export const contractLink = (contractId: string): string => `/contracts/${contractId}`;

/** The contract's thread, opened now if the hiring step did not open one. */
export async function contractThread(tx: Tx, clock: Clock, contract: ContractRow): Promise<MessageThread> {
  const existing = await getThreadForContext(tx, 'contract', contract.id);
  if (existing) return existing;
  return openThread(tx, clock, {
    contextKind: 'contract',
    contextId: contract.id,
    participants: [
      { userId: contract.clientId, role: 'client' },
      { userId: contract.freelancerId, role: 'freelancer' },
    ],
    subject: contract.title,
    openedBy: null,
  });
}

export interface ContractEvent {
  kind: RecordKind;
  /** Null: the platform acted (an automatic approval, an unanswered end). */
  actorId: string | null;
  /** One line for the record and, unless `message` says otherwise, for the thread. */
  summary: string;
  data: Record<string, unknown>;
  /** The thread's system message; false for none. */
  message?: string | false;
  notify?: { userId: string; kind: string; title: string; body?: string }[];
}

/**
 * Everything a lifecycle event leaves behind, in the event's transaction: its entry in the
 * contract's record, a system line in the contract thread, and notifications to whom it concerns.
 */
export async function announce(tx: Tx, clock: Clock, contract: ContractRow, event: ContractEvent): Promise<void> {
  await appendRecordEntry(tx, clock, {
    contractId: contract.id,
    kind: event.kind,
    actorId: event.actorId,
    summary: event.summary,
    data: event.data,
  });
  if (event.message !== false) {
    const thread = await contractThread(tx, clock, contract);
    await postSystemMessage(tx, clock, { threadId: thread.id, text: event.message ?? event.summary });
  }
  for (const note of event.notify ?? []) {
    await notify(tx, clock, { ...note, link: contractLink(contract.id) });
  }
}

/** The other party of the contract. */
export const otherParty = (contract: ContractRow, userId: string): string =>
  userId === contract.clientId ? contract.freelancerId : contract.clientId;
