/**
 * pending: waiting for its next attempt; sending: claimed by a delivery run; sent; failed: gave
 * up after the retries or on a permanent refusal; held: no SMTP configured, kept for operators.
 */
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'held'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
