import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { modules } from '../modules/index.ts';
import { AppError } from '../platform/errors.ts';
import { newId } from '../platform/ids.ts';
import { type AuthRule, registerAuth } from './auth.ts';
import type { Services } from './context.ts';
import { registerHealth } from './health.ts';
import { registerIdempotency } from './idempotency.ts';
import { stopLiveHub } from './live.ts';
import { registerMetrics } from './metrics.ts';
import type { App } from './module.ts';
import { errorHandler, sendProblem } from './problem.ts';
import { responseSerializerCompiler } from './response-serializer.ts';

export const webDistDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** Every route the app serves, for tests that hold the whole API to a rule (auth, OpenAPI). */
export interface RegisteredRoute {
  method: string;
  url: string;
  hidden: boolean;
  auth: AuthRule | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: RegisteredRoute[];
  }
}

export interface BuildAppOptions {
  services: Services;
  /** Defaults to services.log. */
  logger?: FastifyServerOptions['loggerInstance'];
  /** Serve the built web app from web/dist when it exists (default true). */
  serveWeb?: boolean;
  /** Extra routes, registered after the modules' (tests use it for routes that exercise the pipeline). */
  configure?: (app: App) => void | Promise<void>;
}

/** Assembles the HTTP app: plugins, the request pipeline, every module's routes, docs and the web app. */
export async function buildApp({ services, logger, serveWeb = true, configure }: BuildAppOptions): Promise<App> {
  const { config } = services;
  const app = Fastify({
    loggerInstance: logger ?? services.log,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : newId();
    },
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
  });

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.maxUploadBytes, files: 10, fields: 20, fieldSize: 64 * 1024 },
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Workroom API',
        version: '1.0.0',
        description:
          'The Workroom marketplace API. Authenticate with the session cookie (browser) or a personal API token: `Authorization: Bearer wr_...`. Errors are `application/problem+json` (RFC 9457).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'wr_session' },
          apiToken: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true }, config: { auth: 'public' } }, async () => app.swagger());

  const routes: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', routes);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, hidden: Boolean(route.schema?.hide), auth: route.config?.auth });
    }
  });
  await registerAuth(app, services);
  registerIdempotency(app, services);
  registerMetrics(app);
  registerHealth(app, services);
  // Live streams never end by themselves: close them first, or the server waits for them forever.
  app.addHook('preClose', async () => stopLiveHub(services));
  for (const module of modules) await module.routes?.(app, services);
  await configure?.(app);

  const hasWeb = serveWeb && existsSync(path.join(webDistDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDistDir, wildcard: false, index: false });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && hasWeb;
    if (isPage && !path.extname(request.url.split('?')[0] ?? '')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendProblem(
      request,
      reply,
      new AppError('not_found', { userMessage: `No route for ${request.method} ${request.url.split('?')[0]}.` }),
    );
  });
  return app;
}
