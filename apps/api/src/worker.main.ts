import 'reflect-metadata';
import type http from 'node:http';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadEnvOrExit, redactUrl, ZWorkerEnv } from './config/env';
import { HealthService } from './modules/health/health.service';
import { createProbeConnection, evictionPolicyProblem, readEvictionPolicy } from './modules/queue/redis';
import { GradingProcessor } from './modules/submissions/jobs/grading.processor';
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
  const health = app.get(HealthService);
  let server: http.Server | undefined;
  if (env.WORKER_HEALTH_PORT > 0) server = await startWorkerHealthServer(env.WORKER_HEALTH_HOST, env.WORKER_HEALTH_PORT, health);

  // SIGTERM/SIGINT drain: stop taking jobs, finish the grades in flight (their sandboxes ignore group signals), then
  // close the database and Redis. A second signal ends the process at once; its jobs are then recovered as stalled.
  const shutdown = (signal: NodeJS.Signals) => {
    process.once(signal, () => process.exit(130));
    logger.log({ msg: `${signal}: draining in-flight grades` }, 'Worker');
    void app
      .get(GradingProcessor)
      .drain()
      .then(() => app.close())
      .then(() => {
        server?.close();
        process.exit(0);
      })
      .catch((e: unknown) => {
        console.error(e);
        process.exit(1);
      });
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);

  const ready = await health.readiness();
  logger.log(
    { msg: `worker ${ready.status}`, checks: ready.checks, health: `${env.WORKER_HEALTH_HOST}:${env.WORKER_HEALTH_PORT}` },
    'Worker',
  );
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
