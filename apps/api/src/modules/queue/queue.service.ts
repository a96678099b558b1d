import { Inject, Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { SystemJob, ZPingJob, type TPingJob, type TPingResult } from '@prep/contracts';
import { SYSTEM_QUEUE } from './queue.tokens';

@Injectable()
export class QueueService {
  constructor(@Inject(SYSTEM_QUEUE) private readonly systemQueue: Queue) {}

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
}
