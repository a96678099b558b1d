import { Inject, Injectable } from '@nestjs/common';
import type { Job, JobState, Queue } from 'bullmq';
import {
  GRADING_PRIORITY,
  GradingJob,
  SystemJob,
  ZGradeJob,
  ZPingJob,
  type TGradeJob,
  type TPingJob,
  type TPingResult,
} from '@prep/contracts';
import { SHARED_ENV } from '../../config/config.tokens';
import type { CliEnv } from '../../config/env';
import { GRADING_QUEUE, SYSTEM_QUEUE } from './queue.tokens';

@Injectable()
export class QueueService {
  constructor(
    @Inject(SYSTEM_QUEUE) private readonly systemQueue: Queue,
    @Inject(GRADING_QUEUE) private readonly gradingQueue: Queue,
    @Inject(SHARED_ENV) private readonly env: CliEnv,
  ) {}

  /** Job id = ping id, so enqueueing the same ping twice yields one job. */
  async enqueuePing(payload: TPingJob): Promise<Job<TPingJob, TPingResult>> {
    const data = ZPingJob.parse(payload);
    return this.systemQueue.add(SystemJob.Ping, data, {
      jobId: data.pingId,
      attempts: 3,
      backoff: { type: 'exponential', delay: 500 },
      removeOnComplete: { age: 3600 },
      removeOnFail: { age: 86_400 },
    });
  }

  /** Job id = submission id: enqueueing a submission twice (a retry, the sweeper) is one job. Runs go first. */
  async enqueueGrade(payload: TGradeJob): Promise<void> {
    const data = ZGradeJob.parse(payload);
    const priority = GRADING_PRIORITY[data.mode];
    await this.gradingQueue.add(GradingJob.Grade, data, {
      jobId: data.submissionId,
      ...(priority > 0 ? { priority } : {}),
      attempts: this.env.GRADING_ATTEMPTS,
      backoff: { type: 'exponential', delay: this.env.GRADING_BACKOFF_MS },
      removeOnComplete: { age: 3600, count: 10_000 },
      removeOnFail: { age: 7 * 86_400 },
    });
  }

  /** Jobs waiting for a worker (runs and submits), and how long the oldest of them has waited. */
  async gradingBacklog(): Promise<{ waiting: number; oldestWaitMs: number }> {
    const counts = await this.gradingQueue.getJobCounts('wait', 'prioritized', 'paused');
    const waiting = (counts.wait ?? 0) + (counts.prioritized ?? 0) + (counts.paused ?? 0);
    if (waiting === 0) return { waiting, oldestWaitMs: 0 };
    // The head of each (oldest first): one script call.
    const heads = await this.gradingQueue.getJobs(['wait', 'prioritized'], 0, 0, true);
    const oldest = Math.min(...heads.map((job) => job.timestamp));
    // Wall-clock durations between API processes' Date.now(), not domain time: no Clock here.
    return { waiting, oldestWaitMs: Number.isFinite(oldest) ? Math.max(0, Date.now() - oldest) : 0 };
  }

  /** Where a submission's job is, or null when the queue has no such job (never added, or removed after finishing). */
  async gradingJobState(submissionId: string): Promise<JobState | 'unknown' | null> {
    const state = await this.gradingQueue.getJobState(submissionId);
    return state === 'unknown' ? null : state;
  }
}
