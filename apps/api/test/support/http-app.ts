import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppModuleOptions } from '../../src/app.module';
import { createHttpApp } from '../../src/http-app';
import { testApiEnv } from './test-env';

/** The real HTTP app (not listening), ready for `app.inject()`, against the test database and Redis. */
export async function startTestHttpApp(
  options: AppModuleOptions & { env?: Partial<Record<string, string>> } = {},
): Promise<NestFastifyApplication> {
  const { env, ...moduleOptions } = options;
  const app = await createHttpApp(testApiEnv(env), moduleOptions);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
