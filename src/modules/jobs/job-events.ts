import type { Tx } from '../../db/transaction.ts';
import type { Clock } from '../../platform/clock.ts';
import type { CloseReason } from './limits.ts';

export interface JobClosedEvent {
  jobId: string;
  clientId: string;
  reason: CloseReason;
  /** How many freelancers were hired for it (0 when cancelled). */
  hires: number;
  closedAt: Date;
}

/** Runs inside the transaction that closes the job: a failure rolls the closing back. */
export type JobClosedListener = (tx: Tx, clock: Clock, event: JobClosedEvent) => Promise<void>;

const listeners: JobClosedListener[] = [];

/**
 * Lets another module react when a job closes (the proposals module returns Connects when a job
 * closes without a hire). Register once, at the top level of that module's module.ts.
 */
export function onJobClosed(listener: JobClosedListener): void {
  if (!listeners.includes(listener)) listeners.push(listener);
}

export async function announceJobClosed(tx: Tx, clock: Clock, event: JobClosedEvent): Promise<void> {
  for (const listener of listeners) await listener(tx, clock, event);
}
