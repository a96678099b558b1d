import { Inject, Injectable, Logger } from '@nestjs/common';
import { computeParameters, FSRSBinding } from '@open-spaced-repetition/binding';
import type { Queue } from 'bullmq';
import { default_w } from 'ts-fsrs';
import { SchedulingJob, WEEKLY_OPTIMIZE_MIN_REVIEWS, ZOptimizeJob, type TFitMetrics, type TOptimization } from '@prep/contracts';
import { Clock } from '../../common/clock';
import { normalizeWeights, SettingsService } from '../settings/settings.service';
import { type FitResult, OptimizerRepository } from './optimizer.repository';
import { SCHEDULING_QUEUE } from './scheduling-queue';
import { trainingItems } from './training-items';

/** Below this many training items (reviews after an item's first) a fit says more about noise than about memory. */
export const MIN_TRAINING_ITEMS = 64;

/** A queued run not picked up within this long lost its job (e.g. Redis was down); the sweep enqueues it again. */
const STALE_QUEUED_MS = 15 * 60_000;

const better = (after: TFitMetrics, before: TFitMetrics) => after.logLoss < before.logLoss && after.rmse < before.rmse;

/**
 * The per-learner FSRS optimizer (fsrs-rs through @open-spaced-repetition/binding). The API only queues runs; the
 * worker fits, measures log-loss and RMSE before and after on the learner's own history, and keeps the new parameters
 * only when both are better.
 */
@Injectable()
export class OptimizerService {
  private readonly logger = new Logger(OptimizerService.name);

  constructor(
    private readonly repository: OptimizerRepository,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
    @Inject(SCHEDULING_QUEUE) private readonly queue: Queue,
  ) {}

  /** POST /settings/optimize (and the weekly sweep): one run at a time per learner. */
  async request(userId: string, trigger: 'manual' | 'weekly' = 'manual'): Promise<TOptimization> {
    const { optimization, created } = await this.repository.activeOrNew(userId, trigger, this.clock.now());
    if (created) await this.enqueue(optimization.id, userId);
    return optimization;
  }

  latest(userId: string): Promise<TOptimization | null> {
    return this.repository.latest(userId);
  }

  /** The worker's job: fit, compare, keep only if better. Safe to run again after a crash. */
  async run(optimizationId: string): Promise<void> {
    const claimed = await this.repository.start(optimizationId);
    if (!claimed) return;
    try {
      const result = await this.fit(claimed.userId);
      if (result.applied) await this.settings.applyOptimizedWeights(claimed.userId, result.weights, this.clock.now());
      await this.repository.finish(optimizationId, result, this.clock.now());
    } catch (e) {
      this.logger.warn({ optimizationId, err: (e as Error).message }, 'optimization failed');
      await this.repository.fail(optimizationId, `The fit failed: ${(e as Error).message}`, this.clock.now());
    }
  }

  /** Fits a learner's parameters to their history and measures both parameter sets on it. Writes nothing. */
  async fit(userId: string): Promise<FitResult> {
    const learner = await this.settings.forScheduling(userId);
    const { items, reviewCount, itemCount } = trainingItems(await this.repository.trainingLogs(userId));
    if (items.length < MIN_TRAINING_ITEMS) {
      return {
        reviewCount,
        itemCount,
        before: null,
        after: null,
        applied: false,
        weights: [],
        message: `Not enough history yet: ${items.length} repeat reviews, ${MIN_TRAINING_ITEMS} needed.`,
      };
    }
    const relearningSteps = learner.settings.steps.card.relearning.length;
    const current = learner.settings.fsrsWeights.length ? learner.settings.fsrsWeights : [...default_w];
    const fitted = normalizeWeights(
      await computeParameters(items, { enableShortTerm: true, numRelearningSteps: relearningSteps }),
      relearningSteps,
    );
    const measure = (weights: number[]): TFitMetrics => {
      const { logLoss, rmseBins } = new FSRSBinding(weights).evaluate(items);
      return { logLoss, rmse: rmseBins };
    };
    const before = measure(current);
    const after = measure(fitted);
    const applied = better(after, before);
    return {
      reviewCount,
      itemCount,
      before,
      after,
      applied,
      weights: fitted,
      message: applied ? null : 'The fitted parameters did not predict your history better; the current ones were kept.',
    };
  }

  /** Weekly: a run for every learner with enough new reviews since the last fit, and lost runs enqueued again. */
  async sweep(): Promise<{ requested: number; requeued: number }> {
    const learners = await this.repository.learnersDueForFit(WEEKLY_OPTIMIZE_MIN_REVIEWS);
    for (const userId of learners) await this.request(userId, 'weekly');
    const stale = await this.repository.staleQueued(new Date(this.clock.now().getTime() - STALE_QUEUED_MS));
    for (const id of stale) {
      const userId = await this.repository.userOf(id);
      if (userId) await this.enqueue(id, userId);
    }
    return { requested: learners.length, requeued: stale.length };
  }

  private async enqueue(optimizationId: string, userId: string): Promise<void> {
    const data = ZOptimizeJob.parse({ optimizationId, userId });
    await this.queue.add(SchedulingJob.Optimize, data, {
      jobId: optimizationId,
      attempts: 3,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: { age: 86_400 },
      removeOnFail: { age: 7 * 86_400 },
    });
  }
}
