import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type Job, type Queue, Worker } from 'bullmq';
import type IORedis from 'ioredis';
import { OPTIMIZE_SWEEP_SCHEDULER_ID, QueueName, SchedulingJob, ZOptimizeJob } from '@prep/contracts';
import { SHARED_ENV } from '../../../config/config.tokens';
import type { CliEnv } from '../../../config/env';
import { BULL_CONNECTION } from '../../queue/queue.tokens';
import { OptimizerService } from '../optimizer.service';
import { SCHEDULING_QUEUE } from '../scheduling-queue';

/** Sundays at 03:00 UTC. */
export const WEEKLY_SWEEP_PATTERN = '0 3 * * 0';

/**
 * Consumes the `scheduling` queue on the worker: optimizer runs, and the weekly sweep, registered as a BullMQ job
 * scheduler (one schedule in Redis, however many workers start). Fits run one at a time: each is CPU-bound.
 */
@Injectable()
export class SchedulingProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SchedulingProcessor.name);
  private worker?: Worker;
  private workerConnection?: IORedis;

  constructor(
    @Inject(SHARED_ENV) private readonly env: CliEnv,
    @Inject(BULL_CONNECTION) private readonly connection: IORedis,
    @Inject(SCHEDULING_QUEUE) private readonly queue: Queue,
    private readonly optimizer: OptimizerService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      OPTIMIZE_SWEEP_SCHEDULER_ID,
      { pattern: WEEKLY_SWEEP_PATTERN, tz: 'UTC' },
      { name: SchedulingJob.OptimizeSweep, data: {}, opts: { removeOnComplete: { count: 10 }, removeOnFail: { count: 50 } } },
    );
    this.workerConnection = this.connection.duplicate();
    this.worker = new Worker(QueueName.Scheduling, (job) => this.handle(job), {
      connection: this.workerConnection,
      prefix: this.env.QUEUE_PREFIX,
      concurrency: 1,
    });
    this.worker.on('failed', (job, err) => this.logger.warn({ jobId: job?.id, err: err.message }, 'scheduling job failed'));
  }

  async handle(job: Job): Promise<unknown> {
    if (job.name === SchedulingJob.Optimize) return this.optimizer.run(ZOptimizeJob.parse(job.data).optimizationId);
    if (job.name === SchedulingJob.OptimizeSweep) return this.optimizer.sweep();
    throw new Error(`Unknown scheduling job ${job.name}`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
    await this.workerConnection?.quit().catch(() => undefined);
  }
}
