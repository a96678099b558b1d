import 'reflect-metadata';
import { loadEnvOrExit, ZApiEnv } from './config/env';
import { assertDatabaseReachable } from './startup-checks';
import { createHttpApp } from './http-app';

async function main(): Promise<void> {
  const env = loadEnvOrExit(ZApiEnv);
  await assertDatabaseReachable(env.DATABASE_URL);
  const app = await createHttpApp(env);
  await app.listen({ host: env.API_HOST, port: env.API_PORT });
  console.log(`API listening on http://${env.API_HOST}:${env.API_PORT}/api (docs at /api/docs)`);
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
