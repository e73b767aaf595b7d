import type { z } from 'zod';
import type { Account } from './account.ts';
import type { ApiTokenView } from './list-api-tokens.ts';
import type { SessionView } from './list-sessions.ts';
import type { ApiTokenResponse, MeResponse, SessionResponse } from './schemas.ts';

export function presentMe(account: Account): z.infer<typeof MeResponse> {
  return {
    id: account.id,
    email: account.email,
    displayName: account.displayName,
    roles: account.roles,
    createdAt: account.createdAt.toISOString(),
  };
}

export function presentSession(session: SessionView): z.infer<typeof SessionResponse> {
  return {
    id: session.id,
    userAgent: session.userAgent,
    ip: session.ip,
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    current: session.current,
  };
}

export function presentApiToken(token: ApiTokenView): z.infer<typeof ApiTokenResponse> {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  };
}
