import os from 'node:os';
import { spawnSync } from 'node:child_process';
import IORedis from 'ioredis';
import pino from 'pino';
import { loadConfigOrExit, type LabWorkerEnv } from './config';
import { loadLabCatalog } from './content';
import { discoverGpus, planSlots, threadsPerSlot } from './devices';
import { startHealthServer } from './health';
import { createSandbox, NO_SANDBOX_WARNING, type SandboxBackend } from './sandbox';
import { LabWorker } from './worker';

/** BullMQ loses jobs if Redis may evict keys; say so and stop, like the main worker. */
async function checkRedis(url: string): Promise<string | null> {
  const redis = new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 3000, enableOfflineQueue: false });
  try {
    await redis.connect();
    const [, policy] = (await redis.config('GET', 'maxmemory-policy')) as string[];
    return policy === 'noeviction'
      ? null
      : `Redis maxmemory-policy is "${policy}"; BullMQ needs "noeviction" or queued submissions can vanish.`;
  } catch (e) {
    return `cannot reach Redis at REDIS_URL: ${(e as Error).message}`;
  } finally {
    redis.disconnect();
  }
}

/** Starts one sandbox that runs Python and exits: a broken backend stops the worker at boot, not per job. */
function probeSandbox(sandbox: SandboxBackend, config: LabWorkerEnv, worker: { slots: ReturnType<typeof planSlots> }): string | null {
  const spec = sandbox.probe({ slot: worker.slots[0]!, limits: { wallSec: 60, callSec: 30, cpuSec: 30, memoryMb: 4096 }, threads: 1 });
  const [file, ...args] = spec.argv;
  const run = spawnSync(file!, args, { env: spec.env, timeout: 60_000, encoding: 'utf8' });
  if (run.status === 0) return null;
  return `the ${sandbox.name} sandbox does not start (${run.error?.message ?? `exit ${run.status}`}): ${(run.stderr ?? '').trim().slice(-500)}`;
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = pino({ level: config.LOG_LEVEL, base: { service: 'lab-worker' } });
  const redisProblem = await checkRedis(config.REDIS_URL);
  if (redisProblem) {
    logger.fatal(redisProblem);
    process.exit(1);
  }
  const catalog = loadLabCatalog(config.LAB_CONTENT_ROOT);
  for (const problem of catalog.problems) logger.error({ problem }, 'lab content problem: that lab is not served');
  const gpus = await discoverGpus(config.LAB_GPUS);
  const slots = planSlots(gpus, config.LAB_CPU_SLOTS);
  const threads = threadsPerSlot(slots, os.availableParallelism(), config.LAB_THREADS_PER_SLOT);
  const sandbox = createSandbox(config);
  if (sandbox.name === 'none') {
    const banner = '!'.repeat(100);
    console.error(`\n${banner}\n${NO_SANDBOX_WARNING}\n${banner}\n`);
    logger.warn(NO_SANDBOX_WARNING);
  }
  const sandboxProblem = probeSandbox(sandbox, config, { slots });
  if (sandboxProblem) {
    logger.fatal(sandboxProblem);
    process.exit(1);
  }
  const worker = new LabWorker({ config, labs: catalog.labs, slots, threads, sandbox, logger });
  worker.start();
  const describe = () => ({
    sandbox: sandbox.name,
    slots: slots.map((s) => (s.kind === 'gpu' ? `gpu${s.gpu}` : `cpu${s.index}`)),
    busy: worker.pool.busy(),
    queues: worker.consumed,
    labs: [...catalog.labs.keys()],
  });
  const server =
    config.LAB_WORKER_HEALTH_PORT > 0
      ? await startHealthServer(config.LAB_WORKER_HEALTH_PORT, { ready: () => worker.ready, registry: worker.metrics.registry, describe })
      : null;
  logger.info(
    { ...describe(), gpus, threadsPerSlot: threads, healthPort: config.LAB_WORKER_HEALTH_PORT },
    gpus.length
      ? `lab worker ready: ${gpus.length} GPU slot(s)`
      : `lab worker ready: no GPU, ${slots.length} CPU slot(s); results will say "cpu"`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without waiting for running jobs (they return to the queue)');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal, running: worker.pool.busy() }, 'draining: no new jobs, finishing the running ones');
    void worker
      .drain()
      .then(() => server?.close())
      .then(() => {
        logger.info('drained');
        process.exit(0);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
