import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Services } from './context.ts';
import type { App } from './module.ts';

const HealthResponse = z
  .object({
    status: z.enum(['ok', 'degraded']),
    time: z.string().describe('The server clock (may be shifted in demos and tests)'),
    database: z.object({ ok: z.boolean(), latencyMs: z.number() }),
  })
  .meta({ id: 'HealthResponse' });

export function registerHealth(app: App, services: Services): void {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database health',
        response: { 200: HealthResponse, 503: HealthResponse },
      },
      config: { auth: 'public' },
    },
    async (_request, reply) => {
      const started = performance.now();
      let ok = true;
      try {
        await services.db.execute(sql`select 1`);
      } catch {
        ok = false;
      }
      const body = {
        status: ok ? ('ok' as const) : ('degraded' as const),
        time: services.clock.now().toISOString(),
        database: { ok, latencyMs: Math.round((performance.now() - started) * 10) / 10 },
      };
      return reply.status(ok ? 200 : 503).send(body);
    },
  );
}
