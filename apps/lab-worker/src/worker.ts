import os from 'node:os';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import IORedis from 'ioredis';
import type { Logger } from 'pino';
import {
  LAB_RESULT_VERSION,
  LabJobName,
  LabQueueName,
  ZLabGradeJob,
  ZLabResultJob,
  type LoadedLab,
  type TLabEvaluation,
  type TLabGradeJob,
  type TLabProgress,
  type TLabResultJob,
  type TLabSlot,
} from '@prep/contracts';
import type { LabWorkerEnv } from './config';
import { failedEvaluation, gradeSubmissions } from './judge';
import { LabMetrics } from './metrics';
import type { SandboxBackend } from './sandbox';
import { SlotPool } from './slots';

export interface LabWorkerOptions {
  config: LabWorkerEnv;
  labs: Map<string, LoadedLab>;
  slots: TLabSlot[];
  threads: number;
  sandbox: SandboxBackend;
  logger: Logger;
}

export interface LabJobOutcome {
  verdict?: TLabEvaluation['verdict'];
  forwardedTo?: string;
}

/** How long results stay in Redis after the main worker has persisted them: a job that runs again in
 * that window (a worker killed after publishing) finds its result's id taken and adds nothing. */
const RESULT_RETENTION_SEC = 7 * 24 * 3600;

/**
 * Consumes `labs` (and, with GPUs, `labs-gpu`), grades each submission in a sandbox slot, and
 * publishes exactly one result per submission on `lab-results` (job id = submission id). A job whose
 * worker dies mid-grading is given back by BullMQ when its lock expires and graded again.
 */
export class LabWorker {
  readonly pool: SlotPool;
  readonly metrics: LabMetrics;
  private readonly connections: IORedis[] = [];
  private readonly workers: Worker[] = [];
  private readonly queues = new Map<string, Queue>();
  private readonly hasGpu: boolean;
  private draining = false;

  constructor(private readonly options: LabWorkerOptions) {
    this.pool = new SlotPool(options.slots);
    this.hasGpu = options.slots.some((s) => s.kind === 'gpu');
    this.metrics = new LabMetrics(
      options.slots,
      () => this.pool.busy(),
      () => this.pool.waiting(),
      [LabQueueName.Labs, LabQueueName.LabsGpu, LabQueueName.LabResults].map((name) => ({
        queue: name,
        counts: () => this.queue(name).getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed'),
      })),
    );
  }

  /** The queues this worker takes jobs from: GPU-only labs first when it has GPUs. */
  get consumed(): string[] {
    return this.hasGpu ? [LabQueueName.LabsGpu, LabQueueName.Labs] : [LabQueueName.Labs];
  }

  start(): void {
    const { config } = this.options;
    for (const name of this.consumed) {
      const worker = new Worker(name, (job) => this.process(job, name), {
        connection: this.connection(),
        prefix: config.QUEUE_PREFIX,
        concurrency: this.options.slots.length,
        lockDuration: config.LAB_LOCK_MS,
        stalledInterval: config.LAB_STALLED_INTERVAL_MS,
        maxStalledCount: 2,
      });
      worker.on('failed', (job, error) => this.options.logger.error({ jobId: job?.id, queue: name, err: error.message }, 'lab job failed'));
      worker.on('error', (error) => this.options.logger.error({ queue: name, err: error.message }, 'lab worker error'));
      this.workers.push(worker);
    }
  }

  get ready(): boolean {
    return !this.draining && this.workers.every((w) => w.isRunning());
  }

  /** Stops taking jobs, lets the running ones finish and publish, then closes the connections. */
  async drain(): Promise<void> {
    this.draining = true;
    await Promise.all(this.workers.map((w) => w.close()));
    this.pool.close();
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await Promise.all(this.connections.map((c) => c.quit().catch(() => undefined)));
  }

  async process(job: Job, queueName: string): Promise<LabJobOutcome> {
    const parsed = ZLabGradeJob.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid lab job: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    const data = parsed.data;
    const startedAt = new Date();
    const log = this.options.logger.child({ submissionId: data.submissionId, lab: data.labSlug, queue: queueName });
    const lab = this.options.labs.get(data.labSlug);
    const describeSlot = this.options.slots[0]!;
    if (!lab) {
      return this.publish(
        job,
        data,
        failedEvaluation('internal_error', `this worker has no lab "${data.labSlug}"`, describeSlot),
        describeSlot,
        startedAt,
      );
    }
    if (lab.meta.version !== data.labVersion) {
      const message = `the lab changed (version ${lab.meta.version}) since this submission (version ${data.labVersion}); submit again`;
      return this.publish(job, data, failedEvaluation('internal_error', message, describeSlot), describeSlot, startedAt);
    }
    if (lab.meta.device === 'gpu' && !this.hasGpu) {
      // It came through the any-device queue, but needs a GPU: hand it to the GPU queue to wait there.
      await this.queue(LabQueueName.LabsGpu).add(LabJobName.Grade, data, {
        jobId: data.submissionId,
        attempts: job.opts.attempts,
        backoff: job.opts.backoff,
      });
      log.info('needs a GPU: forwarded to labs-gpu');
      return { forwardedTo: LabQueueName.LabsGpu };
    }

    await this.progress(job, { stage: 'waiting-for-slot' });
    const waitStart = Date.now();
    const slot = await this.pool.acquire(queueName === LabQueueName.LabsGpu ? 1 : 0);
    this.metrics.slotWait.observe({ device: slot.kind }, (Date.now() - waitStart) / 1000);
    let evaluation: TLabEvaluation;
    // A CPU-only lab on a GPU host runs on the slot with the GPU hidden.
    const runSlot: TLabSlot = lab.meta.device === 'cpu' && slot.kind === 'gpu' ? { kind: 'cpu', index: slot.index } : slot;
    try {
      await this.progress(job, { stage: 'running', slot: runSlot });
      log.info({ slot: runSlot }, 'grading');
      [evaluation] = (await gradeSubmissions([{ lab, code: data.code }], {
        python: this.options.config.LAB_PYTHON,
        sandbox: this.options.sandbox,
        slot: runSlot,
        threads: this.options.threads,
        onJudgeError: (stderr) => log.error({ stderr }, 'judge failed'),
      })) as [TLabEvaluation];
    } finally {
      this.pool.release(slot);
    }
    const attempt = attemptOf(job);
    if (evaluation.verdict === 'internal_error' && attempt < (job.opts.attempts ?? 1)) {
      throw new Error(`grader error, will retry: ${evaluation.message}`);
    }
    const labels = { lab: lab.slug, verdict: evaluation.verdict, device: runSlot.kind };
    this.metrics.jobs.inc(labels);
    this.metrics.duration.observe(labels, (Date.now() - startedAt.getTime()) / 1000);
    log.info({ verdict: evaluation.verdict, ms: Date.now() - startedAt.getTime() }, 'graded');
    return this.publish(job, data, evaluation, runSlot, startedAt);
  }

  private async publish(job: Job, data: TLabGradeJob, evaluation: TLabEvaluation, slot: TLabSlot, startedAt: Date): Promise<LabJobOutcome> {
    const result: TLabResultJob = ZLabResultJob.parse({
      version: LAB_RESULT_VERSION,
      submissionId: data.submissionId,
      labSlug: data.labSlug,
      labVersion: data.labVersion,
      evaluation,
      worker: { host: os.hostname(), pid: process.pid, slot, sandbox: this.options.sandbox.name },
      attempt: attemptOf(job),
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
    });
    await this.queue(LabQueueName.LabResults).add(LabJobName.Result, result, {
      jobId: data.submissionId,
      attempts: 10,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: RESULT_RETENTION_SEC },
      removeOnFail: { age: 4 * RESULT_RETENTION_SEC },
    });
    await this.progress(job, { stage: 'done' });
    return { verdict: evaluation.verdict };
  }

  private async progress(job: Job, progress: TLabProgress): Promise<void> {
    await job.updateProgress(progress).catch(() => undefined);
  }

  private connection(): IORedis {
    const connection = new IORedis(this.options.config.REDIS_URL, { maxRetriesPerRequest: null, enableReadyCheck: true });
    this.connections.push(connection);
    return connection;
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection(), prefix: this.options.config.QUEUE_PREFIX });
      this.queues.set(name, queue);
    }
    return queue;
  }
}

/** 1 for the first run of a job; a job given back after its worker died counts again. */
function attemptOf(job: Job): number {
  return Math.max(1, job.attemptsStarted ?? job.attemptsMade + 1);
}
