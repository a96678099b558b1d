import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import { AuthoringJob, QueueName, ZCheckProblemJob, authoringCheckJobId, type TCheckProblemJob } from '@prep/contracts';
import { SHARED_ENV } from '../../config/config.tokens';
import type { CliEnv } from '../../config/env';
import { createQueue } from '../queue/redis';
import { BULL_CONNECTION } from '../queue/queue.tokens';

/** Producer of the `authoring` queue: the API asks, the worker's sandbox checks. */
@Injectable()
export class AuthoringQueue implements OnModuleDestroy {
  private readonly queue: Queue;

  constructor(@Inject(SHARED_ENV) env: CliEnv, @Inject(BULL_CONNECTION) connection: IORedis) {
    this.queue = createQueue(QueueName.Authoring, connection, env.QUEUE_PREFIX);
  }

  /**
   * Job id = version id + source hash: asking again while it waits is one job. Finished jobs are removed, so asking
   * again later (e.g. after the grader failed) checks again.
   */
  async enqueueCheck(payload: TCheckProblemJob): Promise<void> {
    const data = ZCheckProblemJob.parse(payload);
    await this.queue.add(AuthoringJob.CheckProblem, data, {
      jobId: authoringCheckJobId(data.versionId, data.sourceHash),
      attempts: 2,
      backoff: { type: 'exponential', delay: 1_000 },
      removeOnComplete: true,
      removeOnFail: true,
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue.close();
  }
}
