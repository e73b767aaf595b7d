import { and, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors.ts';
import { type Ctx, hasRole, requireActor } from '../../server/context.ts';
import { decodeCursor, encodeCursor } from './keyset-cursor.ts';
import { OUTBOX_STATUSES, type OutboxStatus } from './outbox-status.ts';
import type { OutboxRow } from './present.ts';
import { emailOutbox } from './tables.ts';

export interface OutboxPage {
  items: OutboxRow[];
  nextCursor: string | null;
  counts: Record<OutboxStatus, number>;
  smtpConfigured: boolean;
}

export function requireOperator(ctx: Ctx): void {
  if (!hasRole(requireActor(ctx), 'operator')) throw new AppError('forbidden');
}

/** Recent outbox emails, newest first, for operators: what was sent, what is held or failing. */
export async function listOutbox(
  ctx: Ctx,
  input: { status?: OutboxStatus | undefined; cursor?: string | undefined; limit?: number | undefined },
): Promise<OutboxPage> {
  requireOperator(ctx);
  const limit = input.limit ?? 50;
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const filters: SQL[] = [];
  if (input.status) filters.push(eq(emailOutbox.status, input.status));
  if (after) filters.push(sql`(${emailOutbox.createdAt}, ${emailOutbox.id}) < (${after.createdAt}, ${after.id})`);
  const rows = await ctx.db
    .select()
    .from(emailOutbox)
    .where(and(...filters))
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(limit + 1);
  const totals = await ctx.db
    .select({ status: emailOutbox.status, total: count() })
    .from(emailOutbox)
    .groupBy(emailOutbox.status);
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((status) => [status, 0])) as Record<OutboxStatus, number>;
  for (const { status, total } of totals) if (status in counts) counts[status as OutboxStatus] = total;
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
    counts,
    smtpConfigured: Boolean(ctx.config.SMTP_URL),
  };
}
