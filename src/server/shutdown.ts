import type { FastifyInstance } from 'fastify';

/**
 * Closes the app: new connections are refused and requests in flight get `graceMs` to finish.
 * Connections still open after that are dropped, so that a stop never hangs: a slow client, or a
 * keep-alive socket that Node's idle tracking missed after a streamed download (seen in tests),
 * would otherwise hold `close` open for good.
 */
export async function closeApp(app: FastifyInstance, graceMs: number): Promise<void> {
  const timer = setTimeout(() => app.server.closeAllConnections(), graceMs);
  timer.unref();
  try {
    await app.close();
  } finally {
    clearTimeout(timer);
  }
}
