import os from 'node:os';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type Job, Worker } from 'bullmq';
import type IORedis from 'ioredis';
import { GradingJob, QueueName, ZGradeJob } from '@prep/contracts';
import type { Grader } from '@prep/grader';
import { WORKER_ENV } from '../../../config/config.tokens';
import type { WorkerEnv } from '../../../config/env';
import { BULL_CONNECTION } from '../../queue/queue.tokens';
import { SubmissionFinalizer } from '../submission-finalizer';
import { GRADER, GradeSubmission } from './grade-submission';

/**
 * Consumes the `grading` queue with as many concurrent jobs as the grader has sandbox processes. A job whose worker
 * dies (SIGKILL, power loss) stops renewing its lock and is graded again by any worker; a job that keeps failing is
 * retried with backoff, and its last failure ends the submission as internal_error. Never leaves one `running`.
 */
@Injectable()
export class GradingProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(GradingProcessor.name);
  private worker: Worker | undefined;
  private connection: IORedis | undefined;
  private draining: Promise<void> | undefined;

  constructor(
    @Inject(WORKER_ENV) private readonly env: WorkerEnv,
    @Inject(BULL_CONNECTION) private readonly redis: IORedis,
    @Inject(GRADER) private readonly grader: Grader,
    private readonly grade: GradeSubmission,
    private readonly finalizer: SubmissionFinalizer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.grader.warmUp();
    // A worker blocks its connection while waiting for jobs, so it gets its own.
    this.connection = this.redis.duplicate();
    this.worker = new Worker(QueueName.Grading, (job) => this.process(job), {
      connection: this.connection,
      prefix: this.env.QUEUE_PREFIX,
      concurrency: this.env.GRADER_POOL_SIZE,
      // Jobs record which worker process took them (job.processedBy), for operators and the recovery tests.
      name: `${os.hostname()}:${process.pid}`,
      lockDuration: this.env.GRADING_LOCK_MS,
      stalledInterval: this.env.GRADING_STALLED_INTERVAL_MS,
      maxStalledCount: 1,
    });
    this.worker.on('failed', (job, err) => void this.onFailed(job, err));
    this.worker.on('error', (err) => this.logger.warn({ err: err.message }, 'grading worker error'));
  }

  private async process(job: Job): Promise<void> {
    if (job.name !== GradingJob.Grade) throw new Error(`Unknown grading job ${job.name}`);
    const { submissionId } = ZGradeJob.parse(job.data);
    const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    try {
      await this.grade.run(submissionId);
    } catch (e) {
      this.logger.warn({ submissionId, attempt: job.attemptsMade + 1, last, err: (e as Error).message }, 'grading failed');
      if (!last) throw e; // BullMQ retries it after a backoff
      await this.finalizer.failUnfinished(submissionId);
    }
  }

  /** A job BullMQ gave up on without our handler finishing it (e.g. stalled too often): end its submission. */
  private async onFailed(job: Job | undefined, err: Error): Promise<void> {
    if (!job) return;
    try {
      if (!(await job.isFailed())) return; // it will be retried
      const { submissionId } = ZGradeJob.parse(job.data);
      if (await this.finalizer.failUnfinished(submissionId)) {
        this.logger.warn({ submissionId, err: err.message }, 'grading job failed for good; submission ended as internal_error');
      }
    } catch (e) {
      this.logger.warn({ jobId: job.id, err: (e as Error).message }, 'could not end a failed grading job');
    }
  }

  /** Stops taking jobs and waits for the ones in flight to finish (SIGTERM). */
  drain(): Promise<void> {
    this.draining ??= (async () => {
      await this.worker?.close();
      await this.connection?.quit().catch(() => undefined);
    })();
    return this.draining;
  }

  async onModuleDestroy(): Promise<void> {
    await this.drain();
    await this.grader.close();
  }
}
