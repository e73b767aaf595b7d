import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { z } from 'zod';
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from '../modules/idempotency/keys.ts';
import { MINUTE } from '../platform/clock.ts';
import { AppError } from '../platform/errors.ts';
import type { Services } from './context.ts';
import type { App } from './module.ts';

/*
 * Idempotency-Key for money-moving requests, with the semantics of the best payment APIs:
 * a route opts in with `config: { idempotent: true }`; the header is then required; the same key
 * with the same request (method, path, body) replays the stored response without doing the work
 * again; the same key with another request is a 422; a repeat while the first is still running
 * is a 409 the client can retry. Keys are per user, stored in PostgreSQL (any app process sees
 * them) and kept at least 24 hours. 5xx responses and transient refusals are not stored, so the
 * key can be retried.
 *
 * The response is stored after the work committed; if the process dies in between, a retry runs
 * the work again once the lease ends. Use cases therefore derive their own idempotency keys (a
 * ledger transfer's, a gateway charge's) from `request.idempotencyKey`, so a re-run finds the work
 * already done.
 */

declare module 'fastify' {
  interface FastifyContextConfig {
    idempotent?: boolean;
  }
  interface FastifyRequest {
    /** The validated Idempotency-Key on `idempotent` routes, else null. */
    idempotencyKey: string | null;
  }
}

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const HEADER = 'idempotency-key';
const MAX_KEY_LENGTH = 255;
/** How long a running request holds its key; after that a retry presumes its process died. */
export const IDEMPOTENCY_LEASE_MS = 2 * MINUTE;

const IdempotencyKeyHeader = z
  .string()
  .min(1)
  .max(MAX_KEY_LENGTH)
  .describe('Unique per operation (e.g. a UUID): a retry with the same key and body replays the first response');

/** Codes after which the client may retry with the same key: the outcome was not final. */
const TRANSIENT_CODES = new Set(['conflict', 'idempotency_in_progress', 'rate_limited', 'unavailable']);

interface Claim {
  userId: string;
  key: string;
}
const claims = new WeakMap<FastifyRequest, Claim>();

export function registerIdempotency(app: App, services: Services): void {
  app.decorateRequest('idempotencyKey', null);
  app.addHook('onRoute', (route) => {
    if (!route.config?.idempotent) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.some((method) => ['GET', 'HEAD', 'OPTIONS'].includes(method))) {
      throw new Error(`Route ${route.url}: only unsafe methods can be idempotent`);
    }
    if (route.config.auth === 'public') {
      throw new Error(`Route ${route.url}: idempotency keys are per user, so the route cannot be public`);
    }
    documentHeader(route);
    route.preValidation = [requireKey, ...asArray(route.preValidation)];
    route.preHandler = [...asArray(route.preHandler), (request, reply) => claim(services, request, reply)];
    route.onSend = [...asArray(route.onSend), (request, reply, payload) => store(services, request, reply, payload)];
  });
}

function asArray<T>(hooks: T | T[] | undefined): T[] {
  if (hooks === undefined) return [];
  return Array.isArray(hooks) ? hooks : [hooks];
}

/** Adds the header to the route's schema, so that OpenAPI documents it. */
function documentHeader(route: RouteOptions): void {
  route.schema ??= {};
  const schema = route.schema;
  const existing = schema.headers;
  if (existing instanceof z.ZodObject) {
    if (!(HEADER in existing.shape)) schema.headers = existing.extend({ [HEADER]: IdempotencyKeyHeader });
  } else if (existing === undefined) {
    schema.headers = z.object({ [HEADER]: IdempotencyKeyHeader }).loose();
  }
}

async function requireKey(request: FastifyRequest): Promise<void> {
  const value = request.headers[HEADER];
  const key = typeof value === 'string' ? value.trim() : '';
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
    const message = `Send an ${IDEMPOTENCY_HEADER} header of 1 to ${MAX_KEY_LENGTH} characters (a new UUID per operation).`;
    throw new AppError('validation_failed', {
      userMessage: message,
      fields: [{ field: `headers.${IDEMPOTENCY_HEADER}`, message }],
    });
  }
  request.idempotencyKey = key;
}

/** SHA-256 of what makes two requests "the same": method, path with query, and the validated body. */
export function requestFingerprint(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method}\n${request.url}\n${stableJson(request.body ?? null)}`)
    .digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

async function claim(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply | undefined> {
  const userId = request.ctx.actor?.userId;
  const key = request.idempotencyKey;
  if (!userId || !key) throw new AppError('unauthenticated');
  const result = await claimIdempotencyKey(services.db, {
    userId,
    key,
    fingerprint: requestFingerprint(request),
    now: services.clock.now(),
    leaseMs: IDEMPOTENCY_LEASE_MS,
  });
  switch (result.outcome) {
    case 'claimed':
      claims.set(request, { userId, key });
      return undefined;
    case 'mismatch':
      throw new AppError('idempotency_key_reused', {
        fields: [
          {
            field: `headers.${IDEMPOTENCY_HEADER}`,
            message: 'Already used for a different request; use a new key for a new operation.',
          },
        ],
      });
    case 'in_progress':
      throw new AppError('idempotency_in_progress', { retryAfterSeconds: 1 });
    case 'replay':
      // Answering from the hook ends the request here: the handler does not run again.
      return reply
        .code(result.response.status)
        .header('content-type', result.response.contentType)
        .header('idempotent-replayed', 'true')
        .serializer((payload: unknown) => payload as string)
        .send(result.response.body);
  }
}

async function store(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  const owned = claims.get(request);
  if (!owned) return payload;
  claims.delete(request);
  const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
  try {
    if (body === null || reply.statusCode >= 500 || isTransient(reply.statusCode, body)) {
      await releaseIdempotencyKey(services.db, owned);
    } else {
      const contentType = String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8');
      await completeIdempotencyKey(services.db, {
        ...owned,
        response: { status: reply.statusCode, contentType, body },
        now: services.clock.now(),
      });
    }
  } catch (error) {
    // The work is done and the client gets its answer; a retry after the lease re-runs it, which
    // the use case's own idempotency absorbs.
    request.log.error({ err: error }, 'could not store the idempotent response');
  }
  return payload;
}

function isTransient(status: number, body: string): boolean {
  if (status === 429) return true;
  if (status !== 409 && status !== 503) return false;
  try {
    const code = (JSON.parse(body) as { code?: unknown }).code;
    return typeof code === 'string' && TRANSIENT_CODES.has(code);
  } catch {
    return false;
  }
}
