import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type IORedis from 'ioredis';
import { Clock } from '../../../common/clock';
import { WORKER_ENV } from '../../../config/config.tokens';
import type { WorkerEnv } from '../../../config/env';
import { OutcomesService } from '../../outcomes/outcomes.service';
import { QueueService } from '../../queue/queue.service';
import { BULL_CONNECTION } from '../../queue/queue.tokens';
import { SubmissionFinalizer } from '../submission-finalizer';
import { SubmissionsRepository } from '../submissions.repository';

/** A lost job is queued again while its submission is younger than this many stuck bounds; later it is failed. */
const REQUEUE_WITHIN_BOUNDS = 3;
/** Even a live job is failed once its submission is this many stuck bounds old: nothing may stay unfinished. */
const GIVE_UP_AFTER_BOUNDS = 12;
const BATCH = 100;

export interface SweepReport {
  requeued: number;
  failed: number;
  abandonedRated: number;
}

/**
 * Resolves submissions stuck in `queued`/`running` past SUBMISSION_STUCK_AFTER_MS (their job was lost with Redis,
 * or failed without its handler finishing) and rates attempts given up after a failed submit. One worker sweeps at
 * a time (a Redis lock); every step is a conditional update, so overlapping sweeps would still be harmless.
 */
@Injectable()
export class SubmissionSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SubmissionSweeper.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(WORKER_ENV) private readonly env: WorkerEnv,
    @Inject(BULL_CONNECTION) private readonly redis: IORedis,
    private readonly repository: SubmissionsRepository,
    private readonly queue: QueueService,
    private readonly finalizer: SubmissionFinalizer,
    private readonly outcomes: OutcomesService,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      void this.sweepIfFirst().catch((e: unknown) => this.logger.warn({ err: (e as Error).message }, 'sweep failed'));
    }, this.env.SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private async sweepIfFirst(): Promise<SweepReport | null> {
    const lock = `${this.env.QUEUE_PREFIX}:grading:sweeper`;
    if ((await this.redis.set(lock, String(process.pid), 'PX', this.env.SWEEP_INTERVAL_MS, 'NX')) !== 'OK') return null;
    const report = await this.sweep();
    if (report.requeued + report.failed + report.abandonedRated > 0) this.logger.log(report, 'swept submissions');
    return report;
  }

  async sweep(): Promise<SweepReport> {
    const now = this.clock.now().getTime();
    const bound = this.env.SUBMISSION_STUCK_AFTER_MS;
    const report: SweepReport = { requeued: 0, failed: 0, abandonedRated: 0 };
    for (const stuck of await this.repository.unfinishedBefore(new Date(now - bound), BATCH)) {
      const age = now - stuck.createdAt.getTime();
      const state = await this.queue.gradingJobState(stuck.id);
      const alive =
        state === 'active' || state === 'waiting' || state === 'prioritized' || state === 'delayed' || state === 'waiting-children';
      if (alive && age < GIVE_UP_AFTER_BOUNDS * bound) continue;
      if (state === null && age < REQUEUE_WITHIN_BOUNDS * bound) {
        await this.queue.enqueueGrade({ submissionId: stuck.id, mode: stuck.mode });
        report.requeued++;
        continue;
      }
      if (await this.finalizer.failUnfinished(stuck.id)) report.failed++;
    }
    report.abandonedRated = await this.outcomes.rateAbandoned(BATCH);
    return report;
  }
}
