import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type Job, Worker } from 'bullmq';
import type IORedis from 'ioredis';
import { AuthoringJob, QueueName, ZCheckProblemJob } from '@prep/contracts';
import type { Grader } from '@prep/grader';
import { Clock } from '../../../common/clock';
import { WORKER_ENV } from '../../../config/config.tokens';
import type { WorkerEnv } from '../../../config/env';
import { BULL_CONNECTION } from '../../queue/queue.tokens';
import { GRADER } from '../../submissions/jobs/grade-submission';
import { AdminProblemsRepository } from '../admin-problems.repository';

/**
 * Consumes the `authoring` queue: checks an authored problem version with the grader's authored `check`, whose every
 * piece of author code runs in the sandbox pool the grading queue uses, and stores the report (and, when it passes,
 * the materialized tests) on the version. A job for a source the version no longer has stores nothing.
 */
@Injectable()
export class AuthoringProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AuthoringProcessor.name);
  private worker: Worker | undefined;
  private connection: IORedis | undefined;

  constructor(
    @Inject(WORKER_ENV) private readonly env: WorkerEnv,
    @Inject(BULL_CONNECTION) private readonly redis: IORedis,
    @Inject(GRADER) private readonly grader: Grader,
    private readonly repository: AdminProblemsRepository,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.connection = this.redis.duplicate();
    // One check at a time: a check grades the reference, starter and wrong solutions in parallel already.
    this.worker = new Worker(QueueName.Authoring, (job) => this.process(job), {
      connection: this.connection,
      prefix: this.env.QUEUE_PREFIX,
      concurrency: 1,
    });
    this.worker.on('error', (err) => this.logger.warn({ err: err.message }, 'authoring worker error'));
  }

  private async process(job: Job): Promise<void> {
    if (job.name !== AuthoringJob.CheckProblem) throw new Error(`Unknown authoring job ${job.name}`);
    const { versionId, sourceHash } = ZCheckProblemJob.parse(job.data);
    const version = await this.repository.versionById(this.repository.client, versionId);
    if (!version || version.sourceHash !== sourceHash) return; // edited (or gone) since: a newer check will come
    const outcome = await this.grader.authored.check(version.source);
    const internal = outcome.report.failures.some((f) => f.code === 'internal');
    if (internal && job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw new Error('the grader failed; retrying the check');
    const stored = await this.repository.storeCheck(
      versionId,
      sourceHash,
      outcome.report,
      outcome.problem?.testSet ?? null,
      this.clock.now(),
    );
    this.logger.log({ versionId, ok: outcome.report.ok, stored, ms: outcome.report.durationMs }, 'authored problem checked');
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
    await this.connection?.quit().catch(() => undefined);
  }
}
