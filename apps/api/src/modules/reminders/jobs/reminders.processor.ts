import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type Job, type Queue, Worker } from 'bullmq';
import type IORedis from 'ioredis';
import { QueueName, ReminderJob, ZReminderSendJob } from '@prep/contracts';
import { WORKER_ENV } from '../../../config/config.tokens';
import type { WorkerEnv } from '../../../config/env';
import { BULL_CONNECTION } from '../../queue/queue.tokens';
import { Mailer } from '../mailer';
import { REMINDER_TICKS_QUEUE, TICK_PATTERN, TICK_SCHEDULER_ID } from './reminder-queues';
import { ReminderScheduler, type TickReport } from './reminder-scheduler';
import { ReminderSender, type SendOutcome } from './reminder-sender';

/** Sends run side by side, so one slow or failing learner never holds up the others. */
const SEND_CONCURRENCY = 8;

/** Registers the 15-minute job scheduler (one, however many workers upsert it) and consumes both reminder queues. */
@Injectable()
export class RemindersProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Reminders');
  private readonly workers: Worker[] = [];
  private readonly connections: IORedis[] = [];

  constructor(
    @Inject(WORKER_ENV) private readonly env: WorkerEnv,
    @Inject(BULL_CONNECTION) private readonly connection: IORedis,
    @Inject(REMINDER_TICKS_QUEUE) private readonly ticks: Queue,
    private readonly scheduler: ReminderScheduler,
    private readonly sender: ReminderSender,
    private readonly mailer: Mailer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ticks.upsertJobScheduler(
      TICK_SCHEDULER_ID,
      { pattern: TICK_PATTERN, tz: 'UTC' },
      { name: ReminderJob.Tick, data: {}, opts: { removeOnComplete: 100, removeOnFail: 500 } },
    );
    this.workers.push(
      this.consume(QueueName.Reminders, 1, (job) => this.handleTick(job)),
      this.consume(QueueName.ReminderEmails, SEND_CONCURRENCY, (job) => this.handleSend(job)),
    );
    this.logger.log(`reminders: every 15 minutes; mail ${this.mailer.describe()}`);
  }

  private consume(queue: string, concurrency: number, handler: (job: Job) => Promise<unknown>): Worker {
    // A worker blocks its connection while waiting, so each gets its own.
    const connection = this.connection.duplicate();
    this.connections.push(connection);
    const worker = new Worker(queue, handler, { connection, prefix: this.env.QUEUE_PREFIX, concurrency });
    worker.on('failed', (job, err) =>
      this.logger.warn({ queue, jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, 'job failed'),
    );
    return worker;
  }

  private handleTick(job: Job): Promise<TickReport> {
    if (job.name !== ReminderJob.Tick) throw new Error(`Unknown reminders job ${job.name}`);
    return this.scheduler.tick();
  }

  private handleSend(job: Job): Promise<SendOutcome> {
    if (job.name !== ReminderJob.Send) throw new Error(`Unknown reminder-emails job ${job.name}`);
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return this.sender.send(ZReminderSendJob.parse(job.data), lastAttempt);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all(this.connections.map((c) => c.quit().catch(() => undefined)));
  }
}
