import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { buildOpenApiDocument } from '@prep/contracts';
import { AppModule, type AppModuleOptions } from './app.module';
import { ErrorFilter } from './common/error.filter';
import { SELF_ONLY_PAGE_CSP } from './common/page-csp';
import { registerRequestGuard } from './common/request-guard';
import { trackRoutes } from './common/route-table';
import type { ApiEnv } from './config/env';
import { requestId } from './logging';
import { registerDeckImportBodyLimit } from './modules/admin-decks/deck-import-body-limit';
import { registerOneClickFormParser } from './modules/reminders/one-click-form';
import { registerQueueDashboard } from './modules/queue-dashboard/queue-dashboard';

/** 1 MiB: far above any legitimate request (code submissions are capped at 64 KiB by the contracts). */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * The API answers JSON, so its own policy forbids everything a document could load; its own HTML pages (Swagger UI
 * here, the queue dashboard in its module) replace it with SELF_ONLY_PAGE_CSP.
 */
const API_CSP = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** Builds the HTTP app (not listening yet): used by main.ts and by the integration tests. */
export async function createHttpApp(env: ApiEnv, options: AppModuleOptions = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => requestId(req.headers['x-request-id']),
    requestIdHeader: false,
    trustProxy: env.TRUST_PROXY,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(env, options), adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new ErrorFilter());
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();
  const fastify = app.getHttpAdapter().getInstance();
  trackRoutes(fastify);
  registerDeckImportBodyLimit(fastify);
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerRequestGuard(fastify, env.WEB_ORIGIN);
  registerOneClickFormParser(fastify);
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: API_CSP },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    frameguard: { action: 'deny' },
    // Same-origin through the web app's proxy; another site has no business embedding our JSON.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    // HSTS belongs to whoever terminates TLS; on plain-HTTP local runs it would only confuse browsers.
    hsts: false,
  });
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, { mode: 'static', specification: { document: buildOpenApiDocument('/api') as never } });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: SELF_ONLY_PAGE_CSP,
  });
  await registerQueueDashboard(app);
  return app;
}
