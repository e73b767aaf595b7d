import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { inTransaction } from '../../db/transaction.ts';
import { HOUR, MINUTE } from '../../platform/clock.ts';
import type { Services } from '../../server/context.ts';
import { describeError, isConnectionFailure, isPermanentFailure, type Mailer, smtpMailer } from './mailer.ts';
import type { OutboxRow } from './present.ts';
import { emailOutbox } from './tables.ts';

/** Attempts before an email is marked failed: with the backoff below, about two hours of retrying. */
export const MAX_EMAIL_ATTEMPTS = 8;
/** A run that crashed mid-send leaves rows in `sending`; after this long another run takes them over. */
export const STALE_CLAIM_MS = 10 * MINUTE;
const BATCH_SIZE = 20;
const MAX_BATCHES_PER_RUN = 10;

/** Wait before attempt n + 1: 1, 2, 4 ... minutes, at most 4 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(MINUTE * 2 ** Math.max(0, attempts - 1), 4 * HOUR);
}

export interface DeliveryReport {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
  held: number;
}

function dueOrStale(now: Date) {
  return or(
    and(eq(emailOutbox.status, 'pending'), lte(emailOutbox.nextAttemptAt, now)),
    and(eq(emailOutbox.status, 'sending'), lt(emailOutbox.claimedAt, new Date(now.getTime() - STALE_CLAIM_MS))),
  );
}

/**
 * Sends the outbox emails that are due. Rows are claimed in a short transaction (FOR UPDATE
 * SKIP LOCKED, so concurrent runs never take the same row), sent outside any transaction, then
 * marked sent or scheduled for a retry. Without SMTP_URL they are marked held, never dropped.
 */
export async function deliverDueEmails(services: Services): Promise<DeliveryReport> {
  const report: DeliveryReport = { claimed: 0, sent: 0, retrying: 0, failed: 0, held: 0 };
  const { SMTP_URL } = services.config;
  if (!SMTP_URL) {
    report.held = await holdDueEmails(services);
    return report;
  }
  const mailer = smtpMailer({ ...services.config, SMTP_URL });
  try {
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
      const claimed = await claimDueEmails(services, BATCH_SIZE);
      report.claimed += claimed.length;
      const serverDown = await sendClaimed(services, mailer, claimed, report);
      if (serverDown || claimed.length < BATCH_SIZE) break;
    }
  } finally {
    mailer.close();
  }
  return report;
}

async function holdDueEmails(services: Services): Promise<number> {
  const held = await services.db
    .update(emailOutbox)
    .set({ status: 'held', claimedAt: null, lastError: 'SMTP_URL is not configured' })
    .where(dueOrStale(services.clock.now()))
    .returning({ id: emailOutbox.id });
  return held.length;
}

async function claimDueEmails(services: Services, limit: number): Promise<OutboxRow[]> {
  return inTransaction(services.db, async (tx) => {
    const now = services.clock.now();
    const due = await tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(dueOrStale(now))
      .orderBy(asc(emailOutbox.nextAttemptAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    // The attempt is counted when claimed, so a message that crashes the sender still runs out of attempts.
    return tx
      .update(emailOutbox)
      .set({ status: 'sending', claimedAt: now, attempts: sql`${emailOutbox.attempts} + 1` })
      .where(
        inArray(
          emailOutbox.id,
          due.map((row) => row.id),
        ),
      )
      .returning();
  });
}

/** Sends each claimed email; returns true when the SMTP server itself failed (stop for this run). */
async function sendClaimed(
  services: Services,
  mailer: Mailer,
  claimed: OutboxRow[],
  report: DeliveryReport,
): Promise<boolean> {
  for (const [index, email] of claimed.entries()) {
    try {
      await mailer.send(email);
    } catch (error) {
      if (!isConnectionFailure(error)) {
        report[await recordFailure(services, email, error)]++;
        continue;
      }
      // Every remaining email would meet the same dead server: record the failure for all of them now.
      for (const untried of claimed.slice(index)) report[await recordFailure(services, untried, error)]++;
      services.log.warn({ err: error }, 'SMTP server unavailable; outbox emails will be retried');
      return true;
    }
    await markSent(services, email);
    report.sent++;
  }
  return false;
}

function stillClaimed(email: OutboxRow) {
  // Only the run that claimed the row may settle it: a stale claim may have been taken over meanwhile.
  return and(
    eq(emailOutbox.id, email.id),
    eq(emailOutbox.status, 'sending'),
    email.claimedAt ? eq(emailOutbox.claimedAt, email.claimedAt) : isNull(emailOutbox.claimedAt),
  );
}

async function markSent(services: Services, email: OutboxRow): Promise<void> {
  await services.db
    .update(emailOutbox)
    .set({ status: 'sent', sentAt: services.clock.now(), claimedAt: null, lastError: null })
    .where(stillClaimed(email));
}

async function recordFailure(services: Services, email: OutboxRow, error: unknown): Promise<'retrying' | 'failed'> {
  const now = services.clock.now();
  const giveUp = isPermanentFailure(error) || email.attempts >= MAX_EMAIL_ATTEMPTS;
  await services.db
    .update(emailOutbox)
    .set({
      status: giveUp ? 'failed' : 'pending',
      claimedAt: null,
      lastError: describeError(error),
      nextAttemptAt: giveUp ? email.nextAttemptAt : new Date(now.getTime() + retryDelayMs(email.attempts)),
    })
    .where(stillClaimed(email));
  return giveUp ? 'failed' : 'retrying';
}
