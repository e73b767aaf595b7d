import { type Logger, pino } from 'pino';

export type { Logger };

/** Structured JSON logs; the request id is attached per request by Fastify. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: { paths: ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.token'], remove: true },
  });
}
