import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadEnvOrExit, redactUrl, ZWorkerEnv } from './config/env';
import { HealthService } from './modules/health/health.service';
import { createProbeConnection, evictionPolicyProblem, readEvictionPolicy } from './modules/queue/redis';
import { assertDatabaseReachable } from './startup-checks';
import { startWorkerHealthServer } from './worker-health';
import { WorkerModule } from './worker.module';

async function assertRedisSafeForQueues(url: string): Promise<void> {
  const redis = createProbeConnection(url);
  try {
    await redis.connect();
    const problem = evictionPolicyProblem(await readEvictionPolicy(redis));
    if (problem) {
      console.error(`Refusing to start the worker: ${problem}`);
      process.exit(1);
    }
  } catch (e) {
    console.error(`Cannot connect to Redis at REDIS_URL=${redactUrl(url)}: ${(e as Error).message}`);
    process.exit(1);
  } finally {
    redis.disconnect();
  }
}

async function main(): Promise<void> {
  const env = loadEnvOrExit(ZWorkerEnv);
  await assertRedisSafeForQueues(env.REDIS_URL);
  await assertDatabaseReachable(env.DATABASE_URL);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(env), { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.enableShutdownHooks();
  const health = app.get(HealthService);
  if (env.WORKER_HEALTH_PORT > 0) {
    const server = await startWorkerHealthServer(env.WORKER_HEALTH_PORT, health);
    process.once('beforeExit', () => server.close());
  }
  const ready = await health.readiness();
  logger.log({ msg: `worker ${ready.status}`, checks: ready.checks, healthPort: env.WORKER_HEALTH_PORT }, 'Worker');
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
