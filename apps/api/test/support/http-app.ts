import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '../../src/http-app';
import { testApiEnv } from './test-env';

/** The real HTTP app (not listening), ready for `app.inject()`, against the test database and Redis. */
export async function startTestHttpApp(): Promise<NestFastifyApplication> {
  const app = await createHttpApp(testApiEnv());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
