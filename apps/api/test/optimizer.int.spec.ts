import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FSRSBinding } from '@open-spaced-repetition/binding';
import type { Queue } from 'bullmq';
import { default_w } from 'ts-fsrs';
import { OPTIMIZE_SWEEP_SCHEDULER_ID, ZOptimizationResponse, ZSettingsResponse, type TOptimization } from '@prep/contracts';
import { syntheticHistory, syntheticLogRows } from '../src/bench/synthetic-history';
import { OptimizerRepository } from '../src/modules/optimizer/optimizer.repository';
import { OptimizerService } from '../src/modules/optimizer/optimizer.service';
import { SCHEDULING_QUEUE } from '../src/modules/optimizer/scheduling-queue';
import { trainingItems } from '../src/modules/optimizer/training-items';
import { PrismaService } from '../src/modules/prisma/prisma.service';
import { WorkerModule } from '../src/worker.module';
import { call, registerLearner, type TSignedIn } from './support/api-client';
import { startTestHttpApp } from './support/http-app';
import { testWorkerEnv, uniqueQueuePrefix } from './support/test-env';

/** A learner whose memory follows these parameters: initial stabilities far from the defaults (0.21, 1.29, 2.31, 8.30 days). */
const TRUE_WEIGHTS = [1.5, 4, 10, 30, ...default_w.slice(4)];
const DAY_MS = 86_400_000;
const QUEUE_PREFIX = uniqueQueuePrefix();
let app: NestFastifyApplication;
let worker: INestApplicationContext;

/** Writes a synthetic history as review-log rows, as ratings would have. */
async function seedHistory(userId: string, items: number, seed: number): Promise<number> {
  const { reviews } = syntheticHistory({ items, reviewsPerItem: 9, weights: TRUE_WEIGHTS, seed });
  // The history ends yesterday.
  const start = Date.now() - (Math.max(...reviews.map((r) => r.day)) + 1) * DAY_MS;
  const sorted = [...reviews].sort((a, b) => a.item - b.item || a.day - b.day);
  const rows = syntheticLogRows(
    sorted,
    userId,
    (item) => `synthetic-${seed}-${item}`,
    (r) => new Date(start + r.day * DAY_MS),
  );
  await app.get(PrismaService).reviewLog.createMany({ data: rows });
  return reviews.length;
}

beforeAll(async () => {
  app = await startTestHttpApp({ env: { QUEUE_PREFIX } });
});
afterAll(async () => {
  await worker?.close();
  await app.close();
});

describe('per-learner FSRS optimizer', () => {
  it('fits a synthetic history generated from known parameters: the fit moves toward them and predicts better', async () => {
    const me = await registerLearner(app);
    await seedHistory(me.user.id, 400, 7);
    const result = await app.get(OptimizerService).fit(me.user.id);
    expect(result.reviewCount).toBe(3600);
    expect(result.applied).toBe(true);
    expect(result.after!.logLoss).toBeLessThan(result.before!.logLoss);
    expect(result.after!.rmse).toBeLessThan(result.before!.rmse);
    // Initial stabilities are what this history pins down: each fitted one is closer to the truth than the default.
    for (let i = 0; i < 4; i++) {
      const distance = (w: number) => Math.abs(Math.log(w) - Math.log(TRUE_WEIGHTS[i]!));
      expect({ i, closer: distance(result.weights[i]!) < distance(default_w[i]!) }).toEqual({ i, closer: true });
    }
    // And it predicts the history about as well as the true parameters do.
    const { items } = trainingItems(await app.get(OptimizerRepository).trainingLogs(me.user.id));
    const truth = new FSRSBinding(TRUE_WEIGHTS).evaluate(items);
    expect(result.after!.logLoss).toBeLessThan(truth.logLoss + 0.01);
  }, 60_000);

  it('runs on the worker when asked over HTTP, keeps better parameters, and reports before and after', async () => {
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testWorkerEnv({ QUEUE_PREFIX })), { logger: false });
    await worker.init();
    const me: TSignedIn = await registerLearner(app);
    await seedHistory(me.user.id, 150, 11);

    const requested = await call(app, { method: 'POST', url: '/api/settings/optimize', cookie: me.cookie });
    expect(requested.statusCode).toBe(202);
    const queued = ZOptimizationResponse.parse(requested.json()).optimization!;
    expect(queued).toMatchObject({ status: expect.stringMatching(/queued|running/), trigger: 'manual' });
    const again = ZOptimizationResponse.parse(
      (await call(app, { method: 'POST', url: '/api/settings/optimize', cookie: me.cookie })).json(),
    );
    expect(again.optimization!.id).toBe(queued.id);

    let latest: TOptimization | null = null;
    for (let i = 0; i < 120 && latest?.status !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 250));
      latest = ZOptimizationResponse.parse((await call(app, { url: '/api/settings/optimize', cookie: me.cookie })).json()).optimization;
    }
    expect(latest).toMatchObject({ id: queued.id, status: 'done', applied: true, reviewCount: 1350 });
    expect(latest!.after!.logLoss).toBeLessThan(latest!.before!.logLoss);
    const settings = ZSettingsResponse.parse((await call(app, { url: '/api/settings', cookie: me.cookie })).json()).settings;
    expect(settings.fsrs).toMatchObject({ weights: latest!.weights, isDefault: false, reviewsSinceOptimization: 0 });
    expect(settings.fsrs.optimizedAt).not.toBeNull();
  }, 60_000);

  it('keeps the default parameters and says why when the history is too short', async () => {
    const me = await registerLearner(app);
    await seedHistory(me.user.id, 5, 3);
    const result = await app.get(OptimizerService).fit(me.user.id);
    expect(result).toMatchObject({ applied: false, before: null, after: null });
    expect(result.message).toMatch(/Not enough history/);
  });

  it('weekly: registers one job scheduler and fits only learners with 400 reviews since their last fit', async () => {
    const scheduler = await worker.get<Queue>(SCHEDULING_QUEUE).getJobScheduler(OPTIMIZE_SWEEP_SCHEDULER_ID);
    expect(scheduler).toMatchObject({ pattern: '0 3 * * 0' });
    const busy = await registerLearner(app);
    const light = await registerLearner(app);
    await seedHistory(busy.user.id, 50, 21); // 450 reviews
    await seedHistory(light.user.id, 40, 22); // 360 reviews
    // (The sweep itself is not called here: it would fit every learner of the shared test database.)
    const due = await app.get(OptimizerRepository).learnersDueForFit(400);
    expect([due.includes(busy.user.id), due.includes(light.user.id)]).toEqual([true, false]);
    const run = await app.get(OptimizerService).request(busy.user.id, 'weekly');
    expect(run).toMatchObject({ trigger: 'weekly' });
    expect(await app.get(OptimizerRepository).learnersDueForFit(400)).not.toContain(busy.user.id);
  });
});
