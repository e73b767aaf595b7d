import type { OutboxStatus } from './outbox-status.ts';
import type { emailOutbox, notifications } from './tables.ts';

export type NotificationRow = typeof notifications.$inferSelect;
export type OutboxRow = typeof emailOutbox.$inferSelect;

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export function presentNotification(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

export interface OutboxView {
  id: string;
  to: string;
  subject: string;
  kind: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  createdAt: string;
  sentAt: string | null;
}

export function presentOutboxEmail(row: OutboxRow): OutboxView {
  return {
    id: row.id,
    to: row.toAddress,
    subject: row.subject,
    kind: row.kind,
    // Only this module writes the column, always with one of OUTBOX_STATUSES.
    status: row.status as OutboxStatus,
    attempts: row.attempts,
    lastError: row.lastError,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

export function presentOutboxEmailDetail(row: OutboxRow): OutboxView & { text: string } {
  return { ...presentOutboxEmail(row), text: row.textBody };
}
