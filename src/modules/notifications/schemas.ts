import { z } from 'zod';
import { MAX_PAGE_SIZE } from './list-notifications.ts';
import { OUTBOX_STATUSES } from './outbox-status.ts';

const limit = (max: number, fallback: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback).describe(`Page size, 1 to ${max}`);
const cursor = z.string().min(1).max(200).optional().describe('The nextCursor of the previous page');

export const NotificationListQuery = z.object({ cursor, limit: limit(MAX_PAGE_SIZE, 20) });

export const NotificationParams = z.object({ id: z.uuid() });

export const NotificationResponse = z
  .object({
    id: z.uuid(),
    kind: z.string().describe('A stable machine name such as "proposal.received"'),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable().describe('An in-app path to open'),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Notification' });

export const UnreadCountResponse = z.object({ unreadCount: z.number().int().min(0) }).meta({ id: 'UnreadCount' });

export const NotificationListResponse = z
  .object({
    items: z.array(NotificationResponse).describe('Newest first'),
    nextCursor: z.string().nullable().describe('Pass as ?cursor= for the next page; null on the last page'),
    unreadCount: z.number().int().min(0),
  })
  .meta({ id: 'NotificationList' });

export const NotificationStreamResponse = z
  .string()
  .describe(
    'Server-Sent Events. `event: unread` data {unreadCount} on connect and when the count changes; ' +
      '`event: notification` data {notification, unreadCount} for each new notification; a comment every 25 s.',
  )
  .meta({ id: 'NotificationStream' });

export const OutboxListQuery = z.object({
  status: z.enum(OUTBOX_STATUSES).optional(),
  cursor,
  limit: limit(200, 50),
});

const count = z.number().int().min(0);

export const OutboxParams = z.object({ id: z.uuid() });

export const OutboxEmailResponse = z
  .object({
    id: z.uuid(),
    to: z.string(),
    subject: z.string(),
    kind: z.string(),
    status: z.enum(OUTBOX_STATUSES),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    nextAttemptAt: z.iso.datetime(),
    createdAt: z.iso.datetime(),
    sentAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'OutboxEmail' });

export const OutboxEmailDetailResponse = OutboxEmailResponse.extend({
  text: z.string().describe('The plain-text body'),
}).meta({ id: 'OutboxEmailDetail' });

export const OutboxListResponse = z
  .object({
    items: z.array(OutboxEmailResponse).describe('Newest first'),
    nextCursor: z.string().nullable(),
    counts: z
      .object({ pending: count, sending: count, sent: count, failed: count, held: count })
      .describe('All outbox emails by status'),
    smtpConfigured: z.boolean().describe('False: emails are held here instead of sent (SMTP_URL is not set)'),
  })
  .meta({ id: 'OutboxList' });
