import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { HOUR } from '../../platform/clock.ts';
import type { VerifyCheck } from '../../server/module.ts';
import { OUTBOX_STATUSES } from './outbox-status.ts';
import { emailOutbox, notifications } from './tables.ts';

const SAMPLE = 50;

export const notificationChecks: VerifyCheck[] = [
  {
    name: 'outbox-not-stuck',
    description: 'No outbox email stays in "sending" for more than an hour (delivery reclaims them after 10 minutes)',
    async run(tx, services) {
      const cutoff = new Date(services.clock.now().getTime() - HOUR);
      const rows = await tx
        .select({ id: emailOutbox.id, claimedAt: emailOutbox.claimedAt })
        .from(emailOutbox)
        .where(
          and(eq(emailOutbox.status, 'sending'), or(isNull(emailOutbox.claimedAt), lt(emailOutbox.claimedAt, cutoff))),
        )
        .limit(SAMPLE);
      return rows.map((row) => ({
        subject: `email_outbox ${row.id}`,
        message: `stuck in "sending" since ${row.claimedAt?.toISOString() ?? 'an unknown time'}`,
      }));
    },
  },
  {
    name: 'outbox-status-consistent',
    description: 'Every outbox email has a known status, and exactly the sent ones have a sending time',
    async run(tx) {
      const known = sql.join(
        OUTBOX_STATUSES.map((status) => sql`${status}`),
        sql`, `,
      );
      const rows = await tx
        .select({ id: emailOutbox.id, status: emailOutbox.status, sentAt: emailOutbox.sentAt })
        .from(emailOutbox)
        .where(
          sql`${emailOutbox.status} not in (${known})
            or (${emailOutbox.status} = 'sent') <> (${emailOutbox.sentAt} is not null)
            or ${emailOutbox.attempts} < 0`,
        )
        .limit(SAMPLE);
      return rows.map((row) => ({
        subject: `email_outbox ${row.id}`,
        message: `status "${row.status}" with sentAt ${row.sentAt?.toISOString() ?? 'null'}`,
      }));
    },
  },
  {
    name: 'notification-read-after-created',
    description: 'A notification is never read before it was created',
    async run(tx) {
      const rows = await tx
        .select({ id: notifications.id, createdAt: notifications.createdAt, readAt: notifications.readAt })
        .from(notifications)
        .where(lt(notifications.readAt, notifications.createdAt))
        .limit(SAMPLE);
      return rows.map((row) => ({
        subject: `notification ${row.id}`,
        message: `read at ${row.readAt?.toISOString()} before created at ${row.createdAt.toISOString()}`,
      }));
    },
  },
];
