import { and, eq, gt, isNull, lt, ne, sql } from 'drizzle-orm';
import type { VerifyCheck } from '../../server/module.ts';
import { sessions, users } from './tables.ts';

const KNOWN_ROLES = sql`array['client', 'freelancer', 'operator']::text[]`;

export const accountChecks: VerifyCheck[] = [
  {
    name: 'accounts.users-have-known-roles',
    description: 'Every user has at least one role, and only client, freelancer or operator',
    async run(tx) {
      const rows = await tx
        .select({ id: users.id, email: users.email, roles: users.roles })
        .from(users)
        .where(sql`cardinality(${users.roles}) = 0 or not (${users.roles} <@ ${KNOWN_ROLES})`);
      return rows.map((row) => ({
        subject: `user ${row.id} (${row.email})`,
        message: `has roles {${row.roles.join(', ')}}`,
      }));
    },
  },
  {
    name: 'accounts.emails-normalized',
    description: 'Emails are stored trimmed and lower-case (lookups and uniqueness depend on it)',
    async run(tx) {
      const rows = await tx
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(ne(users.email, sql`lower(trim(${users.email}))`));
      return rows.map((row) => ({ subject: `user ${row.id}`, message: `email "${row.email}" is not normalized` }));
    },
  },
  {
    name: 'accounts.no-session-older-than-password',
    description: 'No live session was opened before its user last changed the password',
    async run(tx, services) {
      const now = services.clock.now();
      const rows = await tx
        .select({ sessionId: sessions.id, userId: users.id })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(
          and(isNull(sessions.revokedAt), gt(sessions.expiresAt, now), lt(sessions.createdAt, users.passwordChangedAt)),
        );
      return rows.map((row) => ({
        subject: `session ${row.sessionId}`,
        message: `is live although user ${row.userId} changed the password after it began`,
      }));
    },
  },
];
