import type { FastifyRequest } from 'fastify';
import { actorFromApiToken, actorFromSession } from '../modules/accounts/resolve-actor.ts';
import { startSessionCache } from '../modules/accounts/session-cache.ts';
import { AppError } from '../platform/errors.ts';
import { type Actor, makeCtx, type Role, type Services } from './context.ts';
import type { App } from './module.ts';

export const SESSION_COOKIE = 'wr_session';

/**
 * Who may call a route. Every /api route must declare one; there is no default, so a route
 * that forgets is refused at start-up rather than left open.
 */
export type AuthRule = 'public' | 'user' | Role | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: AuthRule;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function allowedBy(rule: AuthRule, actor: Actor): boolean {
  if (rule === 'public' || rule === 'user') return true;
  const roles: readonly Role[] = typeof rule === 'string' ? [rule] : rule;
  // Operators act on behalf of the platform and may call any role's route.
  return actor.roles.includes('operator') || roles.some((role) => actor.roles.includes(role));
}

/** Requests authenticated by cookie must come from our own origin (CSRF defence). */
function checkSameOrigin(request: FastifyRequest, publicUrl: string): void {
  const source = request.headers.origin ?? request.headers.referer;
  if (!source) throw new AppError('csrf_failed');
  let origin: URL;
  try {
    origin = new URL(source);
  } catch {
    throw new AppError('csrf_failed');
  }
  const host = request.headers['x-forwarded-host'] ?? request.headers.host;
  if (origin.host === host || origin.origin === new URL(publicUrl).origin) return;
  throw new AppError('csrf_failed');
}

export async function registerAuth(app: App, services: Services): Promise<void> {
  const sessionCache = await startSessionCache(services);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    if (route.config?.auth === undefined) {
      throw new Error(`Route ${route.method} ${route.url} does not declare config.auth`);
    }
  });

  app.decorateRequest('ctx', null as never);

  app.addHook('onRequest', async (request) => {
    const now = services.clock.now();
    const authorization = request.headers.authorization;
    const cookie = request.cookies[SESSION_COOKIE];
    let actor: Actor | null = null;
    if (authorization?.startsWith('Bearer ')) {
      actor = await actorFromApiToken(services.db, authorization.slice(7).trim(), now);
      if (!actor) throw new AppError('unauthenticated', { userMessage: 'The API token is not valid or was revoked.' });
    } else if (cookie) {
      actor = await actorFromSession(services.db, cookie, now, sessionCache);
    }
    const rule = request.routeOptions.config?.auth;
    if (!SAFE_METHODS.has(request.method) && !authorization?.startsWith('Bearer ') && request.url.startsWith('/api/')) {
      checkSameOrigin(request, services.config.publicUrl);
    }
    request.ctx = makeCtx(services, actor, request.id);
    if (rule === undefined || rule === 'public') return;
    if (!actor) throw new AppError('unauthenticated');
    if (!allowedBy(rule, actor)) throw new AppError('forbidden');
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    ctx: import('./context.ts').Ctx;
  }
}
