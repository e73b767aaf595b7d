import { and, count, eq, isNull } from 'drizzle-orm';
import { AppError, invalidField } from '../../platform/errors.ts';
import { hashSecret, newId, newSecret } from '../../platform/ids.ts';
import type { Ctx } from '../../server/context.ts';
import { requireActor } from '../../server/context.ts';
import type { ApiTokenView } from './list-api-tokens.ts';
import { API_TOKEN_PREFIX } from './resolve-actor.ts';
import { apiTokens, users } from './tables.ts';

export const API_TOKEN_NAME_MAX_LENGTH = 80;
/** Enough for every script and device one person runs; more suggests a leak in a loop. */
const MAX_ACTIVE_TOKENS = 50;
/** "wr_" and 8 characters of the secret: enough to tell tokens apart, useless to an attacker. */
const SHOWN_PREFIX_LENGTH = API_TOKEN_PREFIX.length + 8;

/** Creates a personal API token; the secret is returned once and only its hash is kept. */
export async function createApiToken(ctx: Ctx, input: { name: string }): Promise<ApiTokenView & { token: string }> {
  const actor = requireActor(ctx);
  const name = input.name.trim();
  if (name.length === 0) throw invalidField('name', 'Name the token, e.g. "hourly tracker on my laptop".');
  if (name.length > API_TOKEN_NAME_MAX_LENGTH) {
    throw invalidField('name', `Use at most ${API_TOKEN_NAME_MAX_LENGTH} characters.`);
  }
  const token = `${API_TOKEN_PREFIX}${newSecret()}`;
  return ctx.tx(async (tx) => {
    // Serialises token creation per user so the cap holds under concurrent requests.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.userId)).for('update');
    const [active] = await tx
      .select({ total: count() })
      .from(apiTokens)
      .where(and(eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)));
    if ((active?.total ?? 0) >= MAX_ACTIVE_TOKENS) {
      throw new AppError('conflict', {
        userMessage: `You already have ${MAX_ACTIVE_TOKENS} API tokens. Revoke one you no longer use first.`,
      });
    }
    const row = {
      id: newId(),
      name,
      prefix: token.slice(0, SHOWN_PREFIX_LENGTH),
      createdAt: ctx.clock.now(),
      lastUsedAt: null,
    };
    await tx.insert(apiTokens).values({ ...row, userId: actor.userId, tokenHash: hashSecret(token) });
    return { ...row, token };
  });
}
