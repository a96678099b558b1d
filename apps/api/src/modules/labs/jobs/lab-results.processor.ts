import os from 'node:os';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type Job, Queue, QueueEvents, Worker } from 'bullmq';
import type IORedis from 'ioredis';
import { LabJobName, LabQueueName, ZLabGradeJob, ZLabProgress, ZLabResultJob } from '@prep/contracts';
import { WORKER_ENV } from '../../../config/config.tokens';
import type { WorkerEnv } from '../../../config/env';
import { createQueue } from '../../queue/redis';
import { BULL_CONNECTION } from '../../queue/queue.tokens';
import { LabResults } from '../lab-results';

/** Results are small database writes: a few at a time per worker process. */
const RESULTS_CONCURRENCY = 4;
/** How often the sweeper looks for submissions whose job is gone, and how old they must be first. */
const SWEEP_EVERY_MS = 60_000;
const SWEEP_GRACE_MS = 2 * 60_000;
/** Job states in which a job will still run (or its result will still be stored). */
const LIVE_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'paused', 'waiting-children']);

/**
 * The main worker's half of labs. Consumes `lab-results` (one job per submission, job id = submission id): stores the
 * verdict once and rates the lab (LabResults), so a result delivered twice is one verdict and one review; a failure
 * (database down) leaves the job to BullMQ's retries, and the result waits in Redis meanwhile. It also follows the
 * lab queues' events: a grading run that started (progress `running`) becomes a `started` event with its slot, and a
 * job that failed for good (stalled too often, an invalid job) ends its submission as internal_error.
 */
@Injectable()
export class LabResultsProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LabResultsProcessor.name);
  private worker: Worker | undefined;
  private readonly listeners: { events: QueueEvents; queue: Queue }[] = [];
  private readonly connections: IORedis[] = [];
  private resultsQueue: Queue | undefined;
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    @Inject(WORKER_ENV) private readonly env: WorkerEnv,
    @Inject(BULL_CONNECTION) private readonly redis: IORedis,
    private readonly results: LabResults,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = new Worker(LabQueueName.LabResults, (job) => this.process(job), {
      connection: this.connection(),
      prefix: this.env.QUEUE_PREFIX,
      concurrency: RESULTS_CONCURRENCY,
      name: `${os.hostname()}:${process.pid}`,
    });
    this.worker.on('error', (err) => this.logger.warn({ err: err.message }, 'lab results worker error'));
    for (const name of [LabQueueName.Labs, LabQueueName.LabsGpu]) {
      const events = new QueueEvents(name, { connection: this.connection(), prefix: this.env.QUEUE_PREFIX });
      const queue = createQueue(name, this.redis, this.env.QUEUE_PREFIX);
      events.on('progress', ({ jobId, data }) => void this.onProgress(queue, jobId, data));
      events.on('failed', ({ jobId, failedReason }) => void this.onFailed(queue, jobId, failedReason));
      events.on('error', (err) => this.logger.warn({ err: err.message, queue: name }, 'lab queue events error'));
      this.listeners.push({ events, queue });
    }
    await Promise.all(this.listeners.map(({ events }) => events.waitUntilReady()));
    this.resultsQueue = createQueue(LabQueueName.LabResults, this.redis, this.env.QUEUE_PREFIX);
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  /**
   * Ends submissions that nothing will finish: no lab job and no result that could still run or be stored (a job that
   * failed while no main worker listened, or one removed by hand). Jobs merely waiting for a lab worker are left to
   * wait. Idempotent: the conditional update lets any number of main workers sweep.
   */
  async sweep(now = Date.now()): Promise<number> {
    let ended = 0;
    try {
      for (const { id } of await this.results.unfinishedBefore(new Date(now - SWEEP_GRACE_MS))) {
        const queues = [...this.listeners.map((l) => l.queue), ...(this.resultsQueue ? [this.resultsQueue] : [])];
        const states = await Promise.all(queues.map((q) => q.getJobState(id)));
        if (states.some((state) => LIVE_STATES.has(state))) continue;
        if (await this.results.failUnfinished(id)) {
          ended++;
          this.logger.warn({ submissionId: id, states }, 'lab submission with no job left ended as internal_error');
        }
      }
    } catch (e) {
      this.logger.warn({ err: (e as Error).message }, 'lab sweep failed');
    }
    return ended;
  }

  private async process(job: Job): Promise<void> {
    if (job.name !== LabJobName.Result) throw new Error(`Unknown lab results job ${job.name}`);
    const parsed = ZLabResultJob.safeParse(job.data);
    if (!parsed.success) {
      this.logger.error({ jobId: job.id, issues: parsed.error.issues.slice(0, 3) }, 'unreadable lab result dropped');
      return;
    }
    const stored = await this.results.finish(parsed.data);
    if (!stored) this.logger.log({ submissionId: parsed.data.submissionId }, 'lab result already stored (or no such submission)');
  }

  private async onProgress(queue: Queue, jobId: string, data: unknown): Promise<void> {
    const progress = ZLabProgress.safeParse(data);
    if (!progress.success || progress.data.stage !== 'running') return;
    try {
      const job = await queue.getJob(jobId);
      const grade = ZLabGradeJob.safeParse(job?.data);
      if (!job || !grade.success) return;
      const attempt = Math.max(1, job.attemptsStarted ?? job.attemptsMade + 1);
      await this.results.started(grade.data.submissionId, attempt, progress.data.slot ?? null);
    } catch (e) {
      this.logger.warn({ jobId, err: (e as Error).message }, 'could not record a lab grading start');
    }
  }

  private async onFailed(queue: Queue, jobId: string, reason: string): Promise<void> {
    try {
      const job = await queue.getJob(jobId);
      if (!job || !(await job.isFailed())) return; // it will be retried
      const grade = ZLabGradeJob.safeParse(job.data);
      if (!grade.success) return;
      if (await this.results.failUnfinished(grade.data.submissionId)) {
        this.logger.warn({ submissionId: grade.data.submissionId, reason }, 'lab job failed for good; submission ended as internal_error');
      }
    } catch (e) {
      this.logger.warn({ jobId, err: (e as Error).message }, 'could not end a failed lab job');
    }
  }

  private connection(): IORedis {
    const connection = this.redis.duplicate();
    this.connections.push(connection);
    return connection;
  }

  /** Stops taking results and waits for the ones in flight (SIGTERM). */
  async drain(): Promise<void> {
    await this.worker?.close();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.sweeper);
    await this.resultsQueue?.close();
    await this.worker?.close();
    await Promise.all(this.listeners.map(async ({ events, queue }) => Promise.all([events.close(), queue.close()])));
    await Promise.all(this.connections.map((c) => c.quit().catch(() => undefined)));
  }
}
