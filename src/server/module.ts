import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Tx } from '../db/transaction.ts';
import type { Ctx, Services } from './context.ts';

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** One violation found by a consistency check: what is wrong and where. */
export interface Violation {
  subject: string;
  message: string;
}

/** A consistency check run by `workroom verify`; it reads, never writes. */
export interface VerifyCheck {
  name: string;
  description: string;
  run(tx: Tx, services: Services): Promise<Violation[]>;
}

/** A background task run by the scheduler under an advisory lock; it must be idempotent. */
export interface ScheduledTask {
  name: string;
  /** How often it is due, in milliseconds of clock time. */
  everyMs: number;
  run(ctx: Ctx): Promise<{ processed: number } | undefined>;
}

export interface DemoContext {
  services: Services;
  /** Shared between demo steps: what earlier modules made (users, jobs...). */
  state: Map<string, unknown>;
  progress(step: string): void;
  logins: { role: string; email: string; password: string }[];
}

export interface DemoStep {
  name: string;
  /** Lower runs first; foundation modules use 0-99, later issues build on their output. */
  order: number;
  /** Number of progress units this step reports, for the progress bar. */
  units: number;
  run(demo: DemoContext): Promise<void>;
}

/**
 * A domain module: what it adds to the HTTP API, the scheduler, `workroom verify` and
 * `workroom demo`. Modules are listed in src/modules/index.ts.
 */
export interface WorkroomModule {
  name: string;
  /** `services` lets a module decide by configuration which routes exist at all. */
  routes?(app: App, services: Services): void | Promise<void>;
  tasks?: ScheduledTask[];
  checks?: VerifyCheck[];
  demo?: DemoStep[];
}
