import type { Db } from '../db/client.ts';
import { inTransaction, type TransactionOptions, type Tx } from '../db/transaction.ts';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import { AppError } from '../platform/errors.ts';
import type { Logger } from '../platform/logger.ts';

export type Role = 'client' | 'freelancer' | 'operator';

/** Who is calling: a signed-in user (by session cookie or API token). */
export interface Actor {
  userId: string;
  email: string;
  roles: Role[];
  sessionId: string | null;
  apiTokenId: string | null;
}

/** The process-wide dependencies every service needs. */
export interface Services {
  db: Db;
  clock: Clock;
  config: Config;
  log: Logger;
}

/** What a use case receives: the services plus who is acting and for which request. */
export interface Ctx extends Services {
  actor: Actor | null;
  requestId: string;
  tx<T>(work: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T>;
}

export function makeCtx(services: Services, actor: Actor | null, requestId: string): Ctx {
  return { ...services, actor, requestId, tx: (work, options) => inTransaction(services.db, work, options) };
}

/** The signed-in actor, or a 401. */
export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw new AppError('unauthenticated');
  return ctx.actor;
}

export function hasRole(actor: Actor | null, role: Role): boolean {
  return Boolean(actor?.roles.includes(role));
}
