import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { QueueEvents } from 'bullmq';
import { QueueName, ZPingResult } from '@prep/contracts';
import { AppModule } from '../src/app.module';
import { QueueService } from '../src/modules/queue/queue.service';
import { createProbeConnection, evictionPolicyProblem, readEvictionPolicy } from '../src/modules/queue/redis';
import { WorkerModule } from '../src/worker.module';
import { testApiEnv, testWorkerEnv, uniqueQueuePrefix } from './support/test-env';

describe('system queue: API enqueues, the worker answers, through the real Redis', () => {
  const QUEUE_PREFIX = uniqueQueuePrefix();
  let api: INestApplicationContext;
  let worker: INestApplicationContext;
  let events: QueueEvents;

  beforeAll(async () => {
    api = await NestFactory.createApplicationContext(AppModule.forRoot(testApiEnv({ QUEUE_PREFIX })), { logger: false });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testWorkerEnv({ QUEUE_PREFIX })), { logger: false });
    await worker.init();
    events = new QueueEvents(QueueName.System, {
      connection: { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
      prefix: QUEUE_PREFIX,
    });
    await events.waitUntilReady();
  }, 60_000); // the worker context also starts the grading worker (its sandbox pool and the content)
  afterAll(async () => {
    await events?.close();
    await worker?.close();
    await api?.close();
  });

  it('completes a ping job', async () => {
    const job = await api.get(QueueService).enqueuePing({ pingId: randomUUID(), sentAt: new Date().toISOString() });
    const result = ZPingResult.parse(await job.waitUntilFinished(events, 15_000));
    expect(result).toMatchObject({ pingId: job.id, pong: true, workerPid: process.pid });
  });

  it('uses the ping id as the job id, so a retried enqueue is one job', async () => {
    const pingId = randomUUID();
    const queue = api.get(QueueService);
    const [a, b] = await Promise.all([
      queue.enqueuePing({ pingId, sentAt: new Date().toISOString() }),
      queue.enqueuePing({ pingId, sentAt: new Date().toISOString() }),
    ]);
    expect(a.id).toBe(pingId);
    expect(b.id).toBe(pingId);
    await a.waitUntilFinished(events, 15_000);
  });
});

describe('Redis eviction policy', () => {
  it('the Redis the tests use is safe for BullMQ', async () => {
    const redis = createProbeConnection(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    await redis.connect();
    try {
      expect(evictionPolicyProblem(await readEvictionPolicy(redis))).toBeNull();
    } finally {
      redis.disconnect();
    }
  });

  it('any evicting policy is refused with a message that says how to fix it', () => {
    for (const policy of ['allkeys-lru', 'volatile-lru', 'allkeys-random', undefined]) {
      expect(evictionPolicyProblem(policy)).toMatch(/noeviction/);
    }
  });
});
