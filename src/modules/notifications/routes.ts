import type { App } from '../../server/module.ts';
import { getOutboxEmail } from './get-outbox-email.ts';
import { listNotifications } from './list-notifications.ts';
import { listOutbox } from './list-outbox.ts';
import { markAllNotificationsRead } from './mark-all-read.ts';
import { markNotificationRead } from './mark-notification-read.ts';
import { streamNotifications } from './notification-stream.ts';
import { presentNotification, presentOutboxEmail, presentOutboxEmailDetail } from './present.ts';
import { retryOutboxEmail } from './retry-outbox-email.ts';
import {
  NotificationListQuery,
  NotificationListResponse,
  NotificationParams,
  NotificationResponse,
  NotificationStreamResponse,
  OutboxEmailDetailResponse,
  OutboxListQuery,
  OutboxListResponse,
  OutboxParams,
  UnreadCountResponse,
} from './schemas.ts';
import { getUnreadCount } from './unread-count.ts';

export function registerNotificationRoutes(app: App): void {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, newest first',
        querystring: NotificationListQuery,
        response: { 200: NotificationListResponse },
      },
      config: { auth: 'user' },
    },
    async (request) => {
      const page = await listNotifications(request.ctx, request.query);
      return { ...page, items: page.items.map(presentNotification) };
    },
  );

  app.get(
    '/api/notifications/unread-count',
    {
      schema: {
        tags: ['notifications'],
        summary: 'How many of my notifications are unread',
        response: { 200: UnreadCountResponse },
      },
      config: { auth: 'user' },
    },
    async (request) => getUnreadCount(request.ctx),
  );

  app.get(
    '/api/notifications/stream',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My notifications live, as Server-Sent Events',
        response: {
          200: {
            description: 'An event stream',
            content: { 'text/event-stream': { schema: NotificationStreamResponse } },
          },
        },
      },
      config: { auth: 'user' },
    },
    async (request, reply) => {
      reply.hijack();
      await streamNotifications(request.ctx, reply.raw, { onClose: (listener) => request.raw.once('close', listener) });
      return reply;
    },
  );

  app.post(
    '/api/notifications/read-all',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark all my notifications read',
        response: { 200: UnreadCountResponse },
      },
      config: { auth: 'user' },
    },
    async (request) => {
      const { unreadCount } = await markAllNotificationsRead(request.ctx);
      return { unreadCount };
    },
  );

  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark one of my notifications read',
        params: NotificationParams,
        response: { 200: NotificationResponse },
      },
      config: { auth: 'user' },
    },
    async (request) =>
      presentNotification(await markNotificationRead(request.ctx, { notificationId: request.params.id })),
  );

  app.get(
    '/api/operator/outbox',
    {
      schema: {
        tags: ['operator'],
        summary: 'Recent outbox emails: sent, pending, failed, or held without SMTP',
        querystring: OutboxListQuery,
        response: { 200: OutboxListResponse },
      },
      config: { auth: 'operator' },
    },
    async (request) => {
      const page = await listOutbox(request.ctx, request.query);
      return { ...page, items: page.items.map(presentOutboxEmail) };
    },
  );

  app.get(
    '/api/operator/outbox/:id',
    {
      schema: {
        tags: ['operator'],
        summary: 'One outbox email with its text',
        params: OutboxParams,
        response: { 200: OutboxEmailDetailResponse },
      },
      config: { auth: 'operator' },
    },
    async (request) => presentOutboxEmailDetail(await getOutboxEmail(request.ctx, { emailId: request.params.id })),
  );

  app.post(
    '/api/operator/outbox/:id/retry',
    {
      schema: {
        tags: ['operator'],
        summary: 'Queue a held or failed email again',
        params: OutboxParams,
        response: { 200: OutboxEmailDetailResponse },
      },
      config: { auth: 'operator' },
    },
    async (request) => presentOutboxEmailDetail(await retryOutboxEmail(request.ctx, { emailId: request.params.id })),
  );
}
