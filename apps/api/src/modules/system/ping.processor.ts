import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type Job, Worker } from 'bullmq';
import type IORedis from 'ioredis';
import { QueueName, SystemJob, ZPingJob, type TPingResult } from '@prep/contracts';
import { SHARED_ENV } from '../../config/config.tokens';
import type { CliEnv } from '../../config/env';
import { BULL_CONNECTION } from '../queue/queue.tokens';

/** Consumes the `system` queue. A ping proves the API → Redis → worker path end to end. */
@Injectable()
export class SystemProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SystemProcessor.name);
  private worker?: Worker;
  private workerConnection?: IORedis;

  constructor(
    @Inject(SHARED_ENV) private readonly env: CliEnv,
    @Inject(BULL_CONNECTION) private readonly connection: IORedis,
  ) {}

  onApplicationBootstrap(): void {
    // A worker blocks its connection while waiting for jobs, so it gets its own; BullMQ does not close given connections.
    this.workerConnection = this.connection.duplicate();
    this.worker = new Worker(QueueName.System, (job) => this.handle(job), {
      connection: this.workerConnection,
      prefix: this.env.QUEUE_PREFIX,
      concurrency: 4,
    });
    this.worker.on('failed', (job, err) => this.logger.warn({ jobId: job?.id, err: err.message }, 'system job failed'));
  }

  async handle(job: Job): Promise<TPingResult> {
    if (job.name !== SystemJob.Ping) throw new Error(`Unknown system job ${job.name}`);
    const ping = ZPingJob.parse(job.data);
    return { pingId: ping.pingId, pong: true, workerPid: process.pid, answeredAt: new Date().toISOString() };
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
    await this.workerConnection?.quit().catch(() => undefined);
  }
}
