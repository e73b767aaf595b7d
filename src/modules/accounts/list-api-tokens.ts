import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../server/context.ts';
import { requireActor } from '../../server/context.ts';
import { apiTokens } from './tables.ts';

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** The caller's active personal API tokens (never the secrets themselves). */
export async function listApiTokens(ctx: Ctx): Promise<ApiTokenView[]> {
  const actor = requireActor(ctx);
  return ctx.db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
}
